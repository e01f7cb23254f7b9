// Migration 10: a cache whose relation rows were numbered before it opens with each kind's rows numbered in row order
// and each kind counted, so the Browse screen's kind filter and totals work on old snapshots too.
import path from 'node:path';
import { expect, it } from 'vitest';
import { browsePage } from '../../../electron/core/service/browse/browseTables';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { insertOldSnapshotRow } from '../../helpers/oldSnapshotRow';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

it('numbers old relation rows within their kind and counts each kind', () => {
  const file = path.join(tempDir(), 'cache.sqlite');
  const before = openDatabase(file, { migrations: MIGRATIONS.filter((migration) => migration.version < 10) });
  const kinds = ['member', 'admin role', 'member', 'app (direct)', 'member', 'admin role'];
  const snapshots = [insertOldSnapshotRow(before, 'complete'), insertOldSnapshotRow(before, 'complete')];
  const insert = before.prepare(
    `INSERT INTO relation_rows (snapshot_id, seq, kind, parent_type, parent_id, child_type, child_id)
     VALUES (?, ?, ?, 'user', ?, 'group', 'g')`,
  );
  for (const snapshotId of snapshots)
    kinds.forEach((kind, seq) => insert.run(snapshotId, seq, kind, `u${snapshotId}-${seq}`));
  before.close();

  const db = openDatabase(file);
  const [, second] = snapshots as [number, number];
  const numbered = db
    .prepare(`SELECT seq, kind_seq AS kindSeq FROM relation_rows WHERE snapshot_id = ? ORDER BY seq`)
    .all(second);
  expect(numbered).toEqual([0, 0, 1, 0, 2, 1].map((kindSeq, seq) => ({ seq, kindSeq })));
  const counts = db
    .prepare(`SELECT kind, total FROM relation_kind_counts WHERE snapshot_id = ? ORDER BY kind`)
    .all(second);
  expect(counts).toEqual([
    { kind: 'admin role', total: 2 },
    { kind: 'app (direct)', total: 1 },
    { kind: 'member', total: 3 },
  ]);
  const members = browsePage(db, { snapshotId: second, table: 'relations', offset: 1, limit: 5, filter: 'member' });
  expect(members.total).toBe(3);
  expect(members.rows.map((row) => row.parentId)).toEqual([`u${second}-2`, `u${second}-4`]);
  db.close();
});
