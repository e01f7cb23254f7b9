// Fake Okta rate limits: fixed windows with 429 E0000047, consistent X-Rate-Limit-* and Date headers, independent
// buckets, the per-token share, the concurrency limit (0/0 headers) and the stats counters. Which bucket a request
// falls in is shared with the client: test/core/okta/oktaBuckets.test.ts.
import { describe, expect, it } from 'vitest';
import type { OktaErrorBody } from '../../../shared/okta/types';
import { useHarnessPerTest, type Harness } from './fakeOktaHarness';

const ORG = { seed: 'rate-limits', users: 40, groups: 6, apps: 4 };
const start = useHarnessPerTest(ORG);

interface Seen {
  status: number;
  limit: number;
  remaining: number;
  reset: number;
  dateMs: number;
  receivedMs: number;
  body: unknown;
}

async function call(harness: Harness, path: string): Promise<Seen> {
  const response = await harness.get(path);
  const body = await response.json();
  const header = (name: string) => Number(response.headers.get(name));
  return {
    status: response.status,
    body,
    receivedMs: Date.now(),
    limit: header('x-rate-limit-limit'),
    remaining: header('x-rate-limit-remaining'),
    reset: header('x-rate-limit-reset'),
    dateMs: Date.parse(response.headers.get('date') ?? ''),
  };
}

function expect429(seen: Seen): void {
  expect(seen.status).toBe(429);
  const body = seen.body as OktaErrorBody;
  expect(body.errorCode).toBe('E0000047');
  expect(body.errorSummary).toBe('API call exceeded rate limit due to too many requests.');
  expect(body.errorLink).toBe('E0000047');
  expect(body.errorCauses).toEqual([]);
}

describe('enforced bucket windows', () => {
  it('refuses the N+1th request of a window with 429 E0000047 and consistent headers till reset', async () => {
    const harness = await start({ rateLimits: { buckets: { users: 3 }, windowMs: 1000 } });
    const seen: Seen[] = [];
    for (let i = 0; i < 4; i++) seen.push(await call(harness, '/api/v1/users?limit=1'));
    expect(seen.map((s) => s.status)).toEqual([200, 200, 200, 429]);
    expect(seen.map((s) => s.limit)).toEqual([3, 3, 3, 3]);
    expect(seen.map((s) => s.remaining)).toEqual([2, 1, 0, 0]);
    expect(new Set(seen.map((s) => s.reset)).size).toBe(1); // one window, one reset
    expect429(seen[3]!);
    const last = seen[3]!;
    // Date is truncated to the second and reset rounded up: reset - Date never undershoots the window end.
    expect(last.reset * 1000).toBeGreaterThan(last.dateMs);
    expect(last.reset * 1000 - last.dateMs).toBeLessThanOrEqual(2000);
    // Wait exactly reset - Date (no extra second) from when the 429 arrived: already enough.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, last.reset * 1000 - last.dateMs - (Date.now() - last.receivedMs))),
    );
    const after = await call(harness, '/api/v1/users?limit=1');
    expect(after.status).toBe(200);
    expect(after.remaining).toBe(2);
    expect(after.reset).toBeGreaterThan(last.reset - 1);
  });

  it('keeps buckets independent', async () => {
    const harness = await start({ rateLimits: { buckets: { users: 1, groups: 1 }, windowMs: 60_000 } });
    expect((await call(harness, '/api/v1/users')).status).toBe(200);
    expect429(await call(harness, '/api/v1/users'));
    expect429(await call(harness, `/api/v1/users/${harness.org.users[0]!.id}/factors`)); // same bucket
    const single = await call(harness, `/api/v1/users/${harness.org.users[0]!.id}`);
    expect([single.status, single.limit, single.remaining]).toEqual([200, 2000, 1999]); // user-by-id is its own bucket
    expect((await call(harness, '/api/v1/groups')).status).toBe(200);
    expect429(await call(harness, `/api/v1/groups/${harness.org.groups[0]!.id}/users`));
    expect((await call(harness, '/api/v1/apps')).status).toBe(200);
  });

  it('tokenShare 0.5 halves the reported and the enforced limit', async () => {
    const harness = await start({ rateLimits: { buckets: { users: 5 }, tokenShare: 0.5, windowMs: 60_000 } });
    const seen: Seen[] = [];
    for (let i = 0; i < 3; i++) seen.push(await call(harness, '/api/v1/users?limit=1'));
    expect(seen.map((s) => [s.status, s.limit, s.remaining])).toEqual([
      [200, 2, 1],
      [200, 2, 0],
      [429, 2, 0],
    ]);
    expect((await call(harness, '/api/v1/apps')).limit).toBe(50); // Workforce default 100, halved
  });

  it('answers over-concurrency requests 429 with X-Rate-Limit-Limit and -Remaining 0', async () => {
    const harness = await start({ rateLimits: { concurrency: 2 }, latencyMs: 400 });
    const results = await Promise.all(Array.from({ length: 6 }, () => call(harness, '/api/v1/users?limit=1')));
    const refused = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect429(r);
      expect([r.limit, r.remaining]).toEqual([0, 0]);
      expect(r.reset * 1000).toBeGreaterThan(r.dateMs);
    }
    const stats = harness.server.stats();
    expect(stats.rateLimited.concurrency.users).toBe(4);
    expect(stats.rateLimited.bucket.users).toBe(0);
    expect(stats.maxInFlight).toBeGreaterThanOrEqual(3);
    expect(stats.maxPerWindow.users).toBe(2); // the refused ones used no quota
  });
});

describe('stats', () => {
  it('counts requests and 429s per bucket, the busiest window, and serves the same at /__fake/stats', async () => {
    const harness = await start({ rateLimits: { buckets: { apps: 2, groups: 10 }, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) await call(harness, '/api/v1/apps');
    for (let i = 0; i < 3; i++) await call(harness, '/api/v1/groups');
    await call(harness, `/api/v1/apps/${harness.org.apps[0]!.id}`);
    const stats = harness.server.stats();
    expect(stats.requests).toBe(9);
    expect(stats.requestsByBucket).toMatchObject({ apps: 5, groups: 3, 'app-by-id': 1, users: 0 });
    expect(stats.rateLimited.bucket).toMatchObject({ apps: 3, groups: 0 });
    expect(stats.maxPerWindow).toMatchObject({ apps: 2, groups: 3, 'app-by-id': 1 });
    expect(stats.statuses).toEqual({ 200: 6, 429: 3 });
    expect(stats.maxInFlight).toBe(1);
    const served = await (await fetch(`${harness.server.url}/__fake/stats`)).json();
    expect(served).toEqual(stats);
    expect(harness.server.requestCount()).toBe(9); // /__fake/* is not counted
    harness.server.resetStats();
    expect(harness.server.stats().requests).toBe(0);
    expect((await fetch(`${harness.server.url}/__fake/stats/reset`, { method: 'POST' })).status).toBe(200);
  });

  it('tracks windows without enforcing when no rateLimits option is given', async () => {
    const harness = await start({});
    for (let i = 0; i < 4; i++) {
      const seen = await call(harness, '/api/v1/apps');
      expect([seen.status, seen.limit, seen.remaining]).toEqual([200, 100, 99]);
    }
    expect(harness.server.stats().maxPerWindow.apps).toBe(4);
  });
});
