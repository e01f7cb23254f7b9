// The browse worker: the service answers browse.* from it (its own read-only connection), a query past the time
// limit stops the worker with a message saying how to narrow the view, and the next call gets a fresh worker.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BrowseQueries } from '../../../electron/core/service/browse/browseQueries';
import { ServiceFailure } from '../../../electron/core/service/serviceFailure';
import { openDatabase, type Db } from '../../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from '../../bench/syntheticSnapshot';
import { errorRejectedBy } from '../../helpers/errorThrownBy';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let db: Db;
let dbPath: string;
let snapshotId: number;
const opened: BrowseQueries[] = [];

beforeAll(() => {
  dbPath = path.join(tempDir(), 'browse.sqlite');
  db = openDatabase(dbPath);
  snapshotId = buildSyntheticSnapshot(db, { users: 3000, groups: 40, memberships: 30_000, apps: 6, everyKind: true });
});
afterAll(async () => {
  for (const queries of opened) await queries.close();
  db.close();
});

function queriesOn(file: string, timeLimitMs?: number): BrowseQueries {
  const queries = new BrowseQueries(file, timeLimitMs);
  opened.push(queries);
  return queries;
}

it('answers pages and details from the worker, and a missing snapshot or role as NOT_FOUND', async () => {
  const queries = queriesOn(dbPath);
  const page = await queries.call('browse.page', { snapshotId, table: 'relations', offset: 30_000, limit: 3 });
  expect(page.rows.map((row) => row.seq)).toEqual([30_000, 30_001, 30_002]);
  const role = await queries.call('browse.role', { snapshotId, roleKey: 'HELP_DESK_ADMIN' });
  expect(role.groups.length).toBe(Math.ceil(40 / 11));
  const missing = await errorRejectedBy(() => queries.call('browse.role', { snapshotId, roleKey: 'NO_SUCH_ROLE' }));
  expect(missing).toBeInstanceOf(ServiceFailure);
  expect(missing).toMatchObject({ code: 'NOT_FOUND', message: `role NO_SUCH_ROLE is not in snapshot ${snapshotId}` });
});

it('stops a query past its time limit with a message, and answers the next call from a new worker', async () => {
  const queries = queriesOn(dbPath, 1);
  const slow = await errorRejectedBy(() =>
    queries.call('browse.page', {
      snapshotId,
      table: 'relations',
      offset: 0,
      limit: 5,
      sort: { column: 'childName', direction: 'desc' },
    }),
  );
  expect(slow).toMatchObject({
    code: 'BAD_INPUT',
    message: expect.stringMatching(/narrow it with a search or a column filter/),
  });
  const patient = queriesOn(dbPath);
  const page = await patient.call('browse.page', { snapshotId, table: 'users', offset: 0, limit: 2 });
  expect(page.total).toBe(3000);
});

it('reports an internal failure (an unreadable cache) as an error with details, not as a ServiceFailure', async () => {
  const queries = queriesOn(path.join(tempDir(), 'no-such.sqlite'));
  const failure = await errorRejectedBy(() =>
    queries.call('browse.page', { snapshotId, table: 'users', offset: 0, limit: 2 }),
  );
  expect(failure).toBeInstanceOf(Error);
  expect(failure).not.toBeInstanceOf(ServiceFailure);
  expect(failure.message).toMatch(/^the browse worker failed: SQLITE_CANTOPEN/);
});

it('drops or stops the older query of a table when another search of it comes, and answers the newest', async () => {
  const queries = queriesOn(dbPath);
  const relations = { snapshotId, table: 'relations' as const, limit: 3 };
  const sorted = { ...relations, sort: { column: 'childName', direction: 'desc' as const } };
  // Running when the next search comes: stopped with its worker.
  const stopped = errorRejectedBy(() => queries.call('browse.page', { ...sorted, offset: 0 }));
  // Waiting behind a query of another table (kept), then replaced by a newer search of its own table: dropped.
  const users = queries.call('browse.page', { snapshotId, table: 'users', offset: 0, limit: 2 });
  const dropped = errorRejectedBy(() => queries.call('browse.page', { ...relations, offset: 0, search: 'User 1' }));
  // Two pages of one view do not replace each other.
  const newest = queries.call('browse.page', { ...relations, offset: 0, search: 'User 12' });
  const nextPage = queries.call('browse.page', { ...relations, offset: 3, search: 'User 12' });
  for (const failure of [await stopped, await dropped])
    expect(failure).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/a newer search or filter/) });
  expect((await users).total).toBe(3000);
  const [first, second] = [await newest, await nextPage];
  expect(first.total).toBe(second.total);
  expect([...first.rows, ...second.rows].every((row) => /User 12/.test(`${row.parentName}`))).toBe(true);
});
