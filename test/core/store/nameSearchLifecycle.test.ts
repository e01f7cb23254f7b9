// The name search index over a snapshot's life: a completed pull builds it, migration 11 builds it for the complete
// snapshots of an older cache (not for a failed one, which is scanned), deleting a snapshot removes its index rows and
// leaves the other snapshot's, and a portable snapshot file carries its own.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browsePage } from '../../../electron/core/service/browse/browseTables';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { NAME_SEARCH, hasNameSearch, snapshotRowids } from '../../../electron/core/store/nameSearch';
import { openDatabase, type Db } from '../../../electron/core/store/openDatabase';
import { exportPortableSnapshot } from '../../../electron/core/store/portable/exportPortableSnapshot';
import { openPortableSnapshot } from '../../../electron/core/store/portable/openPortableSnapshot';
import { deleteSnapshot } from '../../../electron/core/store/snapshotRemoval';
import { insertOldSnapshotRow } from '../../helpers/oldSnapshotRow';
import { pullFakeOrg, type PulledFakeOrg } from '../../helpers/pullFakeOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let pulled: PulledFakeOrg;

beforeAll(async () => {
  pulled = await pullFakeOrg(tempDir(), { seed: 'name-search', users: 300, groups: 20, apps: 6 });
});
afterAll(async () => {
  pulled?.db.close();
  await pulled?.server.close();
});

/** Index rows of the snapshot, per indexed table. */
function indexRows(db: Db, snapshotId: number): number[] {
  const range = snapshotRowids(snapshotId);
  return Object.values(NAME_SEARCH).map(
    ({ fts }) =>
      db.prepare(`SELECT count(*) FROM ${fts} WHERE rowid >= @from AND rowid < @to`).pluck().get(range) as number,
  );
}

/** A user of the snapshot found by part of its name through the Users table's search. */
function findsUserByName(db: Db, snapshotId: number): boolean {
  const user = db.prepare(`SELECT id, name FROM users WHERE snapshot_id = ? LIMIT 1`).get(snapshotId) as {
    id: string;
    name: string;
  };
  const page = browsePage(db, { snapshotId, table: 'users', offset: 0, limit: 50, search: user.name.slice(1) });
  return page.rows.some((row) => row.id === user.id);
}

it('is built for a completed pull: one index row per user, group and app', () => {
  const { db, snapshotId } = pulled;
  expect(hasNameSearch(db, snapshotId)).toBe(true);
  const counts = ['users', 'groups', 'apps'].map(
    (table) => db.prepare(`SELECT count(*) FROM ${table} WHERE snapshot_id = ?`).pluck().get(snapshotId) as number,
  );
  expect(indexRows(db, snapshotId)).toEqual(counts);
  expect(findsUserByName(db, snapshotId)).toBe(true);
});

it('is built by migration 11 for the complete snapshots of an older cache, not for a failed one', () => {
  const file = path.join(tempDir(), 'old.sqlite');
  const before = openDatabase(file, { migrations: MIGRATIONS.filter((migration) => migration.version < 11) });
  const [complete, failed] = [insertOldSnapshotRow(before, 'complete'), insertOldSnapshotRow(before, 'failed')];
  const user = before.prepare(
    `INSERT INTO users (snapshot_id, id, status, login, name, raw) VALUES (?, ?, 'ACTIVE', ?, ?, '{}')`,
  );
  for (const snapshotId of [complete, failed]) {
    user.run(snapshotId, '00uold0000000000001', 'ada@example.com', 'Ada Lovelace');
    user.run(snapshotId, '00uold0000000000002', 'alan@example.com', 'Alan Turing');
  }
  before.close();
  const db = openDatabase(file);
  expect([hasNameSearch(db, complete), hasNameSearch(db, failed)]).toEqual([true, false]);
  expect(indexRows(db, complete)).toEqual([2, 0, 0]);
  expect(indexRows(db, failed)).toEqual([0, 0, 0]);
  for (const snapshotId of [complete, failed]) {
    const page = browsePage(db, { snapshotId, table: 'users', offset: 0, limit: 5, search: 'LOVELACE' });
    expect(page.rows.map((row) => row.id)).toEqual(['00uold0000000000001']);
  }
  db.close();
});

it('goes into a portable snapshot file, and out of the cache with its snapshot', () => {
  const { db, snapshotId } = pulled;
  const outFile = path.join(tempDir(), 'one.okta-snapshot');
  exportPortableSnapshot(db, { snapshotId, outFile, appVersion: 'test' });
  const portable = openPortableSnapshot(outFile);
  try {
    expect(hasNameSearch(portable.db, snapshotId)).toBe(true);
    expect(indexRows(portable.db, snapshotId)).toEqual(indexRows(db, snapshotId));
    expect(findsUserByName(portable.db, snapshotId)).toBe(true);
  } finally {
    portable.db.close();
  }

  const other = insertOldSnapshotRow(db, 'complete');
  db.prepare(
    `INSERT INTO users (snapshot_id, id, status, login, name, raw) SELECT ?, id, status, login, name, raw
              FROM users WHERE snapshot_id = ?`,
  ).run(other, snapshotId);
  db.exec(
    `INSERT INTO ${NAME_SEARCH.users.fts} (rowid, entity_id, text) VALUES (${snapshotRowids(other).from}, 'x', 'kept')`,
  );
  deleteSnapshot(db, snapshotId, { vacuum: true });
  expect(hasNameSearch(db, snapshotId)).toBe(false);
  expect(indexRows(db, snapshotId)).toEqual([0, 0, 0]);
  expect(indexRows(db, other)).toEqual([1, 0, 0]);
});
