// Fake Okta server auth, errors and standard headers: 401 E0000011, 404 E0000007, 405 E0000022, X-Rate-Limit-*, request
// ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaErrorBody } from '../../../shared/okta/types';
import { TEST_TOKEN, startHarness, type Harness } from './fakeOktaHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'auth-test', users: 60, groups: 12, apps: 6 });
});
afterAll(async () => h?.server.close());

function expectOktaError(body: unknown, errorCode: string): void {
  const error = body as OktaErrorBody;
  expect(Object.keys(error).sort()).toEqual(['errorCauses', 'errorCode', 'errorId', 'errorLink', 'errorSummary']);
  expect(error.errorCode).toBe(errorCode);
  expect(error.errorLink).toBe(errorCode);
  expect(error.errorId).toMatch(/^oae[A-Za-z0-9_-]{22}$/);
  expect(Array.isArray(error.errorCauses)).toBe(true);
}

describe('authentication', () => {
  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'SSWS not-the-token' }],
    ['a Bearer token', { Authorization: `Bearer ${TEST_TOKEN}` }],
    ['the token without a scheme', { Authorization: TEST_TOKEN }],
  ];
  for (const [name, headers] of cases) {
    it(`answers 401 E0000011 to ${name}`, async () => {
      const response = await fetch(`${h.server.url}/api/v1/users`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = await response.json();
      expectOktaError(body, 'E0000011');
      expect((body as OktaErrorBody).errorSummary).toBe('Invalid token provided');
    });
  }

  it('accepts the SSWS token', async () => {
    expect((await h.get('/api/v1/users')).status).toBe(200);
  });

  it('the URL has no trailing slash and binds 127.0.0.1', () => {
    expect(h.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('errors', () => {
  it('answers unknown paths with 404 E0000007', async () => {
    const response = await h.get('/api/v1/nothing/here');
    expect(response.status).toBe(404);
    const body = await response.json();
    expectOktaError(body, 'E0000007');
    expect((body as OktaErrorBody).errorSummary).toMatch(/^Not found: Resource not found: /);
  });

  it('answers unknown ids with 404 E0000007', async () => {
    for (const path of [
      '/api/v1/users/00uDoesNotExist000000',
      '/api/v1/groups/00gNope/users',
      '/api/v1/apps/0oaNope/users',
      '/api/v1/users/00uNope/roles',
      '/api/v1/users/nobody@example.com/factors',
    ]) {
      const response = await h.get(path);
      expect(response.status, path).toBe(404);
      expectOktaError(await response.json(), 'E0000007');
    }
  });

  it('answers other methods with 405 E0000022', async () => {
    const response = await fetch(`${h.server.url}/api/v1/users`, {
      method: 'POST',
      headers: { Authorization: `SSWS ${TEST_TOKEN}` },
      body: '{}',
    });
    expect(response.status).toBe(405);
    expectOktaError(await response.json(), 'E0000022');
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('rejects a non-numeric limit with 400 E0000001', async () => {
    const response = await h.get('/api/v1/users?limit=lots');
    expect(response.status).toBe(400);
    expectOktaError(await response.json(), 'E0000001');
  });
});

describe('standard headers', () => {
  it('sends X-Rate-Limit-*, X-Okta-Request-Id, Date and Content-Type on successes and errors alike', async () => {
    for (const [path, auth] of [
      ['/api/v1/users', true],
      ['/api/v1/apps', true],
      ['/api/v1/users', false],
      ['/api/v1/nope', true],
    ] as const) {
      const response = auth ? await h.get(path) : await fetch(`${h.server.url}${path}`);
      const limit = Number(response.headers.get('x-rate-limit-limit'));
      expect(limit, path).toBeGreaterThan(0);
      expect(Number(response.headers.get('x-rate-limit-remaining'))).toBe(limit - 1);
      const reset = Number(response.headers.get('x-rate-limit-reset'));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThan(Date.now() / 1000 + 120);
      expect(response.headers.get('x-okta-request-id')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(Date.parse(response.headers.get('date')!)).not.toBeNaN();
      expect(response.headers.get('content-type')).toBe('application/json');
      await response.arrayBuffer();
    }
  });

  it('reports per-bucket limits (apps 100, users 600, single user 2000, other 1200)', async () => {
    const limitOf = async (path: string) => Number((await h.get(path)).headers.get('x-rate-limit-limit'));
    const user = h.org.users[0]!;
    expect(await limitOf('/api/v1/apps')).toBe(100);
    expect(await limitOf(`/api/v1/apps/${h.org.apps[0]!.id}`)).toBe(500);
    expect(await limitOf('/api/v1/users')).toBe(600);
    expect(await limitOf(`/api/v1/users/${user.id}`)).toBe(2000);
    expect(await limitOf(`/api/v1/users/${user.id}/factors`)).toBe(600);
    expect(await limitOf('/api/v1/groups')).toBe(500);
    expect(await limitOf('/api/v1/iam/roles')).toBe(1200);
  });

  it('gives every response a fresh request id and counts requests', async () => {
    const before = h.server.requestCount();
    const a = await h.get('/api/v1/users?limit=1');
    const b = await fetch(`${h.server.url}/api/v1/users?limit=1`);
    expect(a.headers.get('x-okta-request-id')).not.toBe(b.headers.get('x-okta-request-id'));
    expect(h.server.requestCount()).toBe(before + 2);
  });

  it('closes cleanly with keep-alive connections open', async () => {
    const other = await startHarness({ seed: 'close-test', users: 5, groups: 2, apps: 1 });
    await other.get('/api/v1/users');
    await other.server.close();
    await other.server.close(); // a second close is harmless
    await expect(fetch(`${other.server.url}/api/v1/users`)).rejects.toThrow();
  });
});
