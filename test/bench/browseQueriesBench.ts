// Benchmark: the Browse screen's queries on a snapshot of 1,000,000 and of 10,000,000 relations, answered by the
// browse worker as the service does (its own read-only connection, off the main thread): the first rows, jumps to
// anywhere (the last row too), a kind filter and a jump inside it, a search for one user id, a filter on a name, and
// the longest stall of the main thread's event loop meanwhile. Reference in the same run: the same first-rows call
// on a 1,000-relation snapshot, after one plain indexed point lookup of a user.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { BrowsePageParams } from '../../shared/service/types';
import { BrowseQueries } from '../../electron/core/service/browse/browseQueries';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from './syntheticSnapshot';

type Page = Omit<BrowsePageParams, 'snapshotId' | 'table' | 'limit'>;

async function timedPage(
  queries: BrowseQueries,
  snapshotId: number,
  page: Page,
): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const result = await queries.call('browse.page', { snapshotId, table: 'relations', limit: 200, ...page });
  const ms = performance.now() - started;
  if (result.rows.length === 0) throw new Error(`no rows for ${JSON.stringify(page)}`);
  return { ms, total: result.total };
}

const round = (ms: number) => +ms.toFixed(1);

export async function runBrowseQueriesBench(relations: number): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-browse-bench-'));
  const queries = new BrowseQueries(path.join(dir, 'bench.sqlite'), 600_000);
  try {
    const db = openDatabase(path.join(dir, 'bench.sqlite'));
    const users = relations / 20;
    const buildStarted = performance.now();
    const big = buildSyntheticSnapshot(db, { users, groups: users / 25, memberships: relations, apps: 50 });
    const buildS = (performance.now() - buildStarted) / 1000;
    const small = buildSyntheticSnapshot(db, { users: 200, groups: 20, memberships: 1_000, apps: 5 });
    db.close();

    const lookupStarted = performance.now();
    await queries.call('browse.userAccess', { snapshotId: small, userId: '00u00000000000000007' });
    const pointLookupMs = performance.now() - lookupStarted; // includes starting the worker
    const reference = await timedPage(queries, small, { offset: 0 });

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const first = await timedPage(queries, big, { offset: 0 });
    const jumps = [];
    for (const offset of [first.total - 1, Math.floor(first.total * 0.37), Math.floor(first.total * 0.9), 123_457])
      jumps.push((await timedPage(queries, big, { offset })).ms);
    const kindFirst = await timedPage(queries, big, { offset: 0, filter: 'member' });
    const kindJump = await timedPage(queries, big, { offset: kindFirst.total - 1, filter: 'member' });
    const sortedByKindJump = await timedPage(queries, big, {
      offset: Math.floor(first.total / 2),
      sort: { column: 'kind', direction: 'desc' },
    });
    const userId = `00u${String(Math.floor(users * 0.77)).padStart(17, '0')}`;
    const search = await timedPage(queries, big, { offset: 0, search: userId });
    const nameFilter = await timedPage(queries, big, { offset: 0, columnFilters: { parentName: `User ${users - 3}` } });
    delay.disable();
    return {
      relations: first.total,
      'build synthetic snapshot (s)': round(buildS),
      'reference: first rows of a 1,000-relation snapshot (ms)': round(reference.ms),
      'reference: worker start + indexed point lookup (ms)': round(pointLookupMs),
      'first rows (ms)': round(first.ms),
      'first rows ÷ reference': +(first.ms / reference.ms).toFixed(2),
      'jump anywhere, slowest of 4 incl. the last row (ms)': round(Math.max(...jumps)),
      'jump ÷ reference': +(Math.max(...jumps) / reference.ms).toFixed(2),
      'kind filter, first rows (ms)': round(kindFirst.ms),
      'kind filter, jump to its last row (ms)': round(kindJump.ms),
      'sorted by kind, jump to the middle (ms)': round(sortedByKindJump.ms),
      'search one user id (ms)': round(search.ms),
      'filter on a user name (ms)': round(nameFilter.ms),
      'search ÷ reference': +(search.ms / reference.ms).toFixed(2),
      'main thread: longest event-loop stall meanwhile (ms)': round(delay.max / 1e6),
    };
  } finally {
    await queries.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
