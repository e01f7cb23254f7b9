// Benchmark: a pull against a fake Okta whose users listing repeats its `next` link, at the README's default settings
// (the org `okta-prep fake-okta --users 1000` serves: 1,000 users, 100 groups, 30 apps; the pull's default share and
// request cap). Figures: requests and wall time per mode, when the looping listing was stopped, and a clean pull for
// reference; the endless listing (fresh users forever) shows what the request cap lets through before it pauses.
import { performance } from 'node:perf_hooks';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import type { RepeatMode } from '../../electron/core/fake-okta/repeatNextLink';
import { startFakeOktaServer } from '../../electron/core/fake-okta/server';
import { RateLimitGovernor } from '../../electron/core/okta/rateLimitGovernor';
import { pullOrg, PullPaused } from '../../electron/core/pull/pullOrg';
import { BENCH_TOKEN, withBenchPull } from './benchPull';

const ORG = { seed: 'okta-prep', users: 1000, groups: 100, apps: 30 };

async function pullOnce(mode: RepeatMode | undefined): Promise<string> {
  const org = generateOrg(ORG);
  const server = await startFakeOktaServer({
    org,
    apiToken: BENCH_TOKEN,
    ...(mode && { repeatNextLink: { listing: 'users', mode } }),
  });
  return withBenchPull(server, new RateLimitGovernor(), async (db, client) => {
    const started = performance.now();
    let loopStoppedMs: number | undefined;
    const onWarning = (warning: { code: string }) => {
      if (warning.code === 'repeating-page-link') loopStoppedMs ??= performance.now() - started;
    };
    const outcome = await pullOrg({ db, client, includeFactors: false, appVersion: 'bench', onWarning }).then(
      (result) =>
        `complete, gaps: ${result.gaps.map((gap) => `${gap.objectKind} (${gap.reason})`).join(', ') || 'none'}`,
      (error: unknown) =>
        error instanceof PullPaused ? 'paused at the request cap' : `failed: ${(error as Error).message}`,
    );
    const ms = performance.now() - started;
    const stopped =
      loopStoppedMs === undefined ? '' : `, looping listing stopped after ${(loopStoppedMs / 1000).toFixed(2)} s`;
    return `${server.requestCount()} requests, ${(ms / 1000).toFixed(2)} s${stopped}; ${outcome}`;
  });
}

export async function runRepeatingNextBench(): Promise<Record<string, number | string>> {
  return {
    org: `${ORG.users} users, ${ORG.groups} groups, ${ORG.apps} apps (okta-prep fake-okta --users 1000); pull defaults`,
    'clean pull (reference)': await pullOnce(undefined),
    'users next back to page 1 (same-url)': await pullOnce('same-url'),
    'users next repeating its cursor (same-cursor)': await pullOnce('same-cursor'),
    'users same items, fresh cursors (same-items)': await pullOnce('same-items'),
    'users endless, fresh items (endless-new-items)': await pullOnce('endless-new-items'),
  };
}
