// Benchmark: the Browse screen's queries on a snapshot of 1,000,000 and of 10,000,000 relations, answered by the
// browse worker as the service does (its own read-only connection, off the main thread): the first rows, jumps to
// anywhere (the last row too), a kind filter and a jump inside it, a search for one user id, a filter on a name, and
// the longest stall of the main thread's event loop meanwhile; and the searches the name search index answers (part of
// a name, a group's name filter, the Users table's search), against the plain LIKE scan of every user's name and login
// they replace, with the index's build time and size. Reference in the same run: the same first-rows call on a
// 1,000-relation snapshot, after one plain indexed point lookup of a user.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { BrowsePageParams } from '../../shared/service/types';
import Database from 'better-sqlite3';
import { BrowseQueries } from '../../electron/core/service/browse/browseQueries';
import { NAME_SEARCH, buildNameSearch } from '../../electron/core/store/nameSearch';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from './syntheticSnapshot';

type Page = Omit<BrowsePageParams, 'snapshotId' | 'limit' | 'table'> & { table?: BrowsePageParams['table'] };

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

/** Part of a user's name, a group's name as a column filter (its members), part of a login in the Users table. */
async function searchesByName(queries: BrowseQueries, snapshotId: number, users: number) {
  const groups = users / 25;
  const part = await timedPage(queries, snapshotId, { offset: 0, search: `ser ${Math.floor(users * 0.61)}` });
  const group = await timedPage(queries, snapshotId, {
    offset: 0,
    columnFilters: { childName: `Group ${groups - 7}` },
  });
  const groupInKind = await timedPage(queries, snapshotId, {
    offset: 0,
    filter: 'member',
    columnFilters: { childName: `Group ${groups - 7}` },
  });
  const usersTable = await timedPage(queries, snapshotId, {
    table: 'users',
    offset: 0,
    search: `user${Math.floor(users * 0.43)}@`,
  });
  return { part: part.ms, group: group.ms, groupInKind: groupInKind.ms, users: usersTable.ms };
}

/** What a name search cost before the index: every user's name and login read and matched (LIKE), own connection. */
function plainNameScanMs(file: string, snapshotId: number, name: string): number {
  const db = new Database(file, { readonly: true });
  try {
    db.pragma('cache_size = -65536'); // as the browse worker's connection
    const started = performance.now();
    db.prepare(
      `SELECT id FROM users WHERE snapshot_id = ? AND (name LIKE ? OR login LIKE ?) ORDER BY id LIMIT 1001`,
    ).all(snapshotId, `%${name}%`, `%${name}%`);
    return performance.now() - started;
  } finally {
    db.close();
  }
}

/** The index's build time (built again, as a completed pull builds it) and its size on disk. */
function nameSearchCost(db: Db, snapshotId: number) {
  const started = performance.now();
  buildNameSearch(db, snapshotId);
  const buildS = (performance.now() - started) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const names = Object.values(NAME_SEARCH).map(({ fts }) => `${fts}%`);
  const bytes = names.reduce(
    (sum, pattern) =>
      sum + ((db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?`).pluck().get(pattern) as number) ?? 0),
    0,
  );
  return { buildS, bytes, fileBytes: fs.statSync(db.name).size };
}

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
    const index = nameSearchCost(db, big);
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
    const named = await searchesByName(queries, big, users);
    delay.disable();
    const scanMs = plainNameScanMs(path.join(dir, 'bench.sqlite'), big, `User ${Math.floor(users * 0.61)}`);
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
      'search part of a name (ms)': round(named.part),
      "filter on a group's name (ms)": round(named.group),
      "filter on a group's name within one kind (ms)": round(named.groupInKind),
      'Users table: search part of a login (ms)': round(named.users),
      'plain LIKE scan of user names and logins (ms)': round(scanMs),
      'search part of a name, whole page ÷ plain scan alone': +(named.part / scanMs).toFixed(3),
      'name search index: build (s)': round(index.buildS),
      'name search index: size (MB)': round(index.bytes / 1e6),
      'name search index ÷ cache file size': +(index.bytes / index.fileBytes).toFixed(3),
      'main thread: longest event-loop stall meanwhile (ms)': round(delay.max / 1e6),
    };
  } finally {
    await queries.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
