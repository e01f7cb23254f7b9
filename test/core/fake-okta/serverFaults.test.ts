// Fake Okta injected faults: the same seed gives the same faults on every run, and each kind (500, 503, reset,
// stall, truncate) looks to a fetch client as it should; a request that would 401 never faults.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind, FaultOptions } from '../../../electron/core/fake-okta/faultPlan';
import type { OktaErrorBody } from '../../../shared/okta/types';
import { TEST_TOKEN, startHarness, type Harness } from './fakeOktaHarness';

const ORG = { seed: 'faults', users: 30, groups: 5, apps: 3 };
const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.server.close()));
});

async function start(faults: FaultOptions): Promise<Harness> {
  const harness = await startHarness(ORG, { faults });
  harnesses.push(harness);
  return harness;
}

/** What a client sees: the status with an intact body, "reset" (no answer) or "truncated" (body cut short). */
async function outcome(harness: Harness, path: string): Promise<string> {
  let response: Response;
  try {
    response = await harness.get(path);
  } catch {
    return 'reset';
  }
  try {
    JSON.parse(await response.text());
  } catch {
    return 'truncated';
  }
  return String(response.status);
}

const PATHS = ['/api/v1/users?limit=5', '/api/v1/groups', '/api/v1/apps', '/api/v1/iam/roles'];

describe('deterministic faults', () => {
  it('gives the same sequence of faults for the same seed, and a different one for another seed', async () => {
    const options: FaultOptions = { seed: 'flaky-1', rate: 0.35, kinds: ['500', '503', 'reset', 'truncate'] };
    const runs: string[][] = [];
    for (const seed of ['flaky-1', 'flaky-1', 'flaky-2']) {
      const harness = await start({ ...options, seed });
      const seen: string[] = [];
      // Each URL asked three times: a retry of the same URL gets its own draw.
      for (let round = 0; round < 3; round++) for (const path of PATHS) seen.push(await outcome(harness, path));
      runs.push(seen);
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
    const faulted = runs[0]!.filter((o) => o !== '200');
    expect(faulted.length).toBeGreaterThan(0);
    expect(faulted.length).toBeLessThan(runs[0]!.length);
    const faults = harnesses[0]!.server.stats().faults;
    expect(Object.values(faults).reduce((a, b) => a + b, 0)).toBe(faulted.length);
    expect(harnesses[1]!.server.stats().faults).toEqual(faults);
  });

  it('keyBy ordinal draws by arrival number instead of URL', async () => {
    const first = await start({ seed: 7, rate: 0.5, kinds: ['503'], keyBy: 'ordinal' });
    const second = await start({ seed: 7, rate: 0.5, kinds: ['503'], keyBy: 'ordinal' });
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < 12; i++) a.push(await outcome(first, '/api/v1/users?limit=1'));
    // other URLs, same ordinals
    for (let i = 0; i < 12; i++) b.push(await outcome(second, `/api/v1/groups?limit=${i + 1}`));
    expect(b).toEqual(a);
    expect(new Set(a)).toEqual(new Set(['200', '503']));
  });
});

describe('fault kinds', () => {
  const only = (kind: FaultKind, extra: Partial<FaultOptions> = {}) =>
    start({ seed: 's', rate: 1, kinds: [kind], ...extra });

  it('500 and 503 answer Okta error bodies', async () => {
    for (const [kind, code] of [
      ['500', 'E0000009'],
      ['503', 'E0000010'],
    ] as const) {
      const harness = await only(kind);
      const response = await harness.get('/api/v1/users');
      expect(response.status).toBe(Number(kind));
      expect(((await response.json()) as OktaErrorBody).errorCode).toBe(code);
      expect(response.headers.get('x-rate-limit-limit')).toBe('600');
      expect(harness.server.stats().faults[kind]).toBe(1);
    }
  });

  it('reset drops the connection without an answer', async () => {
    const harness = await only('reset');
    await expect(harness.get('/api/v1/users')).rejects.toThrow();
    expect(harness.server.stats().faults.reset).toBe(1);
    expect(harness.server.stats().statuses).toEqual({});
  });

  it('truncate promises a longer body than it sends', async () => {
    const harness = await only('truncate');
    const response = await harness.get('/api/v1/users?limit=20');
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(100);
    await expect(response.text()).rejects.toThrow();
  });

  it('stall holds the answer for stallMs: a timeout fires, a patient client gets the answer', async () => {
    const harness = await only('stall', { stallMs: 1200 });
    const started = Date.now();
    const impatient = fetch(`${harness.server.url}/api/v1/groups`, {
      headers: { Authorization: `SSWS ${TEST_TOKEN}` },
      signal: AbortSignal.timeout(200),
    });
    await expect(impatient).rejects.toThrow(/timeout|abort/i);
    expect(Date.now() - started).toBeLessThan(1000);
    const patientStart = Date.now();
    const patient = await harness.get('/api/v1/apps');
    expect(patient.status).toBe(200);
    expect(Date.now() - patientStart).toBeGreaterThanOrEqual(1100);
    expect(Array.isArray(await patient.json())).toBe(true);
  });

  it('stallThen drop holds the request, then drops it unanswered', async () => {
    const harness = await only('stall', { stallMs: 300, stallThen: 'drop' });
    const started = Date.now();
    await expect(harness.get('/api/v1/users')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(harness.server.stats().faults.stall).toBe(1);
  });

  it('never faults a request that would 401', async () => {
    const harness = await only('500');
    const response = await fetch(`${harness.server.url}/api/v1/users`, { headers: { Authorization: 'SSWS wrong' } });
    expect(response.status).toBe(401);
    expect(Object.values(harness.server.stats().faults).every((n) => n === 0)).toBe(true);
  });
});
