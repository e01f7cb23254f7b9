// A pull behind a proxy that strips X-Rate-Limit-* headers: the limits are guessed (lowest documented, at the share),
// the pull stays at or under 10 requests a second, says so once, and never trips a bucket held at those lowest limits.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { LOWEST_DOCUMENTED_LIMITS } from '../../electron/core/okta/oktaBuckets';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { RateLimitGovernor } from '../../electron/core/okta/rateLimitGovernor';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import type { PullWarning } from '../../electron/core/pull/pullWarnings';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { listSnapshotLog } from '../../electron/core/store/snapshotLog';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'headerless-test-token';
// "A minute in three seconds" on both sides, so the guessed limits bite in a short test.
const WINDOW_MS = 3000;
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('pull without X-Rate-Limit-* headers', () => {
  it('guesses the lowest limits, stays at 10 requests a second or under, warns once, no 429', async () => {
    const org = generateOrg({ seed: 'headerless', users: 40, groups: 8, apps: 4 });
    const { token: _token, ...lowest } = LOWEST_DOCUMENTED_LIMITS;
    const server = await startFakeOktaServer({
      org,
      apiToken: TOKEN,
      stripRateLimitHeaders: true,
      rateLimits: { buckets: { ...lowest }, windowMs: WINDOW_MS, tokenShare: 1 },
    });
    servers.push(server);
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const governor = new RateLimitGovernor({ share: 0.8, guessedWindowMs: WINDOW_MS });
    const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN), governor });
    const said: PullWarning[] = [];
    const result = await pullOrg({
      db,
      client,
      includeFactors: false,
      appVersion: 'test',
      onWarning: (warning) => said.push(warning),
    });

    expect(result.counts.users).toBe(org.users.length);
    const stats = server.stats();
    expect(stats.requests).toBeGreaterThan(20); // enough requests for the ceiling to matter
    expect(stats.maxPerSecond).toBeLessThanOrEqual(10);
    expect(stats.rateLimited.bucket).toEqual(
      Object.fromEntries(Object.keys(stats.rateLimited.bucket).map((bucket) => [bucket, 0])),
    );
    const guessed = <T extends { code: string }>(warnings: T[]) =>
      warnings.filter((warning) => warning.code === 'rate-limits-guessed');
    expect(guessed(said)).toHaveLength(1);
    expect(guessed(said)[0]!.message).toMatch(/no X-Rate-Limit-\* headers.*guessed.*at most 10 a second/);
    expect(guessed(result.warnings)).toHaveLength(1);
    expect(guessed(listSnapshotLog(db, result.snapshotId))).toHaveLength(1);
    db.close();
  }, 60_000);

  it('still honours a 429 whose only hint is Retry-After, and completes', async () => {
    // Buckets far below what the client guesses (2 a window): it runs into 429s and must wait them out.
    const org = generateOrg({ seed: 'headerless-429', users: 5, groups: 2, apps: 1 });
    const server = await startFakeOktaServer({
      org,
      apiToken: TOKEN,
      stripRateLimitHeaders: true,
      rateLimits: { buckets: { apps: 2 }, windowMs: 1000, tokenShare: 1 },
    });
    servers.push(server);
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const governor = new RateLimitGovernor({ share: 1, guessedWindowMs: 100 });
    const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN), governor });
    const result = await pullOrg({ db, client, includeFactors: false, appVersion: 'test' });
    expect(result.counts.apps).toBe(org.apps.length);
    expect(server.stats().rateLimited.bucket.apps).toBeGreaterThan(0);
    db.close();
  }, 60_000);
});
