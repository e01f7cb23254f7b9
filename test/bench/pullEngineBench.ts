// Benchmark of the pull engine on a rate-limited fake Okta (Workforce buckets at the default 50% per-token cap,
// a 10-second window): requests ÷ the minimum, wall time ÷ the lower bound the buckets allow, 429s — at share 1 and
// at the default share — and the same org pulled by a plain @okta/okta-sdk-nodejs script, as a ratio to ours.
import { performance } from 'node:perf_hooks';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import { WORKFORCE_DEFAULT_LIMITS } from '../../electron/core/okta/oktaBuckets';
import { startFakeOktaServer } from '../../electron/core/fake-okta/server';
import { RateLimitGovernor } from '../../electron/core/okta/rateLimitGovernor';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { BENCH_TOKEN, rateLimitedCount, withBenchPull } from './benchPull';
import { minimumRequests } from './minimumRequests';
import { pullWithOktaSdk } from './sdkScriptPull';

const WINDOW_MS = 10_000;
const TOKEN_SHARE = 0.5;
const BUCKETS = ['users', 'groups', 'apps', 'other'] as const;

/** The shortest time the buckets allow: per bucket, all but the last window must pass in full. */
function lowerBoundMs(perBucket: Record<(typeof BUCKETS)[number], number>, share: number): number {
  return Math.max(
    ...BUCKETS.map((bucket) => {
      const limit = Math.floor(WORKFORCE_DEFAULT_LIMITS[bucket] * TOKEN_SHARE);
      const allowed = limit - Math.floor(limit * (1 - share) + 1e-9);
      return (Math.ceil(perBucket[bucket] / allowed) - 1) * WINDOW_MS;
    }),
  );
}

async function rateLimitedServer(org: FakeOrg) {
  return startFakeOktaServer({
    org,
    apiToken: BENCH_TOKEN,
    rateLimits: { windowMs: WINDOW_MS, tokenShare: TOKEN_SHARE },
  });
}

async function ourPull(org: FakeOrg, share: number) {
  const server = await rateLimitedServer(org);
  return withBenchPull(server, new RateLimitGovernor({ share }), async (db, client) => {
    const started = performance.now();
    const result = await pullOrg({ db, client, includeFactors: false, appVersion: 'bench' });
    return {
      ms: performance.now() - started,
      requests: result.requests,
      rateLimited: rateLimitedCount(server.stats()),
    };
  });
}

export async function runPullEngineBench(): Promise<Record<string, number | string>> {
  const org = generateOrg({ seed: 'bench', users: 10_000, groups: 1_000, apps: 200, includeFactors: false });
  const minimum = minimumRequests(org);
  const figures: Record<string, number | string> = {
    org:
      `${org.users.length} users, ${org.groups.length} groups, ${org.apps.length} apps; window ` +
      `${WINDOW_MS / 1000} s; per-token cap ${TOKEN_SHARE * 100}%`,
    'minimum requests (reference)': minimum.total,
  };
  for (const share of [1, 0.8]) {
    const run = await ourPull(org, share);
    const bound = lowerBoundMs(minimum, share);
    figures[`share ${share}: requests`] = run.requests;
    figures[`share ${share}: requests ÷ minimum (target ≤ 1.05)`] = +(run.requests / minimum.total).toFixed(3);
    figures[`share ${share}: wall time (s)`] = +(run.ms / 1000).toFixed(1);
    figures[`share ${share}: lower bound (s)`] = +(bound / 1000).toFixed(1);
    figures[`share ${share}: wall ÷ lower bound (target ≤ 1.25)`] = +(run.ms / bound).toFixed(3);
    figures[`share ${share}: 429s (target 0)`] = run.rateLimited;
    if (share === 1) figures['_ourShare1Ms'] = run.ms;
  }
  const server = await rateLimitedServer(org);
  try {
    const sdk = await pullWithOktaSdk(server.url, BENCH_TOKEN);
    const stats = server.stats();
    figures['okta-sdk-nodejs script: outcome'] = sdk.outcome;
    figures['okta-sdk-nodejs script: wall time (s)'] = +(sdk.ms / 1000).toFixed(1);
    figures['okta-sdk-nodejs script: requests'] = stats.requests;
    figures['okta-sdk-nodejs script: 429s'] = Object.values(stats.rateLimited.bucket).reduce((a, b) => a + b, 0);
    figures['okta-sdk-nodejs script ÷ ours (share 1), wall time'] = +(
      sdk.ms / (figures['_ourShare1Ms'] as number)
    ).toFixed(2);
  } finally {
    await server.close();
  }
  delete figures['_ourShare1Ms'];
  return figures;
}
