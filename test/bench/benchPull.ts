// What the pull benchmarks share: the fake Okta's token, a fresh cache in a temp folder with a client for the server
// (all of it removed, and the server closed, once the run is over), and the 429s a run drew.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeOktaServer } from '../../electron/core/fake-okta/server';
import type { FakeOktaStats } from '../../electron/core/fake-okta/serverStats';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import type { RateLimitGovernor } from '../../electron/core/okta/rateLimitGovernor';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';

export const BENCH_TOKEN = 'bench-token';

export async function withBenchPull<T>(
  server: FakeOktaServer,
  governor: RateLimitGovernor,
  run: (db: Db, client: OktaClient) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-bench-'));
  const db = openDatabase(path.join(dir, 'cache.sqlite'));
  try {
    return await run(db, new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(BENCH_TOKEN), governor }));
  } finally {
    db.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 429s for exceeding a bucket, or for too many requests in flight. */
export function rateLimitedCount(stats: FakeOktaStats): number {
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return sum(stats.rateLimited.bucket) + sum(stats.rateLimited.concurrency);
}
