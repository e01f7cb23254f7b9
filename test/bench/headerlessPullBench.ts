// Benchmark of a pull behind a proxy that strips X-Rate-Limit-* headers: the fake Okta enforces the lowest documented
// limits (okta-api.md §3.2) and answers 429 with Retry-After only; reports requests per second (overall and the busiest
// second, against the 10 rps ceiling) and 429s — with Okta's minute windows, and with windows shortened 10x so that
// the buckets alone would allow far more than 10 a second and only the ceiling holds the pull back.
import { performance } from 'node:perf_hooks';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer } from '../../electron/core/fake-okta/server';
import { GUESSED_MAX_REQUESTS_PER_SECOND } from '../../electron/core/okta/guessedRateLimits';
import { LOWEST_DOCUMENTED_LIMITS } from '../../electron/core/okta/oktaBuckets';
import { RateLimitGovernor } from '../../electron/core/okta/rateLimitGovernor';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { BENCH_TOKEN, rateLimitedCount, withBenchPull } from './benchPull';

async function headerlessPull(org: FakeOrg, windowMs: number) {
  const { token: _token, ...lowest } = LOWEST_DOCUMENTED_LIMITS;
  const server = await startFakeOktaServer({
    org,
    apiToken: BENCH_TOKEN,
    stripRateLimitHeaders: true,
    rateLimits: { buckets: lowest, windowMs, tokenShare: 1 },
  });
  const governor = new RateLimitGovernor({ share: 0.8, guessedWindowMs: windowMs });
  return withBenchPull(server, governor, async (db, client) => {
    const started = performance.now();
    const result = await pullOrg({ db, client, includeFactors: false, appVersion: 'bench' });
    const ms = performance.now() - started;
    const stats = server.stats();
    return {
      ms,
      requests: stats.requests,
      busiestSecond: stats.maxPerSecond,
      rateLimited: rateLimitedCount(stats),
      warnings: result.warnings.length,
    };
  });
}

export async function runHeaderlessPullBench(): Promise<Record<string, number | string>> {
  const org = generateOrg({ seed: 'bench-headerless', users: 600, groups: 40, apps: 6, includeFactors: false });
  const figures: Record<string, number | string> = {
    org:
      `${org.users.length} users, ${org.groups.length} groups, ${org.apps.length} apps; share 0.8; ceiling ` +
      `${GUESSED_MAX_REQUESTS_PER_SECOND} rps`,
  };
  for (const [label, windowMs] of [
    ['minute windows', 60_000],
    ['6 s windows', 6_000],
  ] as const) {
    const run = await headerlessPull(org, windowMs);
    figures[`${label}: requests`] = run.requests;
    figures[`${label}: wall time (s)`] = +(run.ms / 1000).toFixed(1);
    figures[`${label}: requests per second overall`] = +(run.requests / (run.ms / 1000)).toFixed(2);
    figures[`${label}: busiest second (ceiling ${GUESSED_MAX_REQUESTS_PER_SECOND})`] = run.busiestSecond;
    figures[`${label}: 429s (target 0)`] = run.rateLimited;
  }
  return figures;
}
