// Migration 3: snapshots gain base_snapshot_id; snapshots from before it read back as full pulls (null base).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { createSnapshot, getSnapshot, listSnapshots } from '../../../electron/core/store/snapshots';
import { insertOldSnapshotRow } from '../../helpers/oldSnapshotRow';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('migration 003 (quick refresh base)', () => {
  it('adds snapshots.base_snapshot_id, NULL for existing snapshots', () => {
    const file = path.join(tempDir(), 'cache.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((migration) => migration.version < 3) });
    expect(before.pragma('user_version', { simple: true })).toBe(2);
    const old = insertOldSnapshotRow(before, 'complete'); // as a version-2 database holds it: no base column yet
    before.close();

    // Reopened by today's code: migration 3 and every later one run; the old row reads back as a full pull.
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const column = db
      .prepare(`SELECT type, "notnull" FROM pragma_table_info('snapshots') WHERE name = 'base_snapshot_id'`)
      .get();
    expect(column).toEqual({ type: 'INTEGER', notnull: 0 });
    expect(getSnapshot(db, old)).toMatchObject({ id: old, status: 'complete', baseSnapshotId: null });
    db.close();
  });

  it('stores and reads back the base of a quick refresh', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const base = createSnapshot(db, { orgUrl: 'https://acme.okta.com', includeFactors: false, appVersion: 'test' });
    const refresh = createSnapshot(db, {
      orgUrl: 'https://acme.okta.com',
      includeFactors: false,
      appVersion: 'test',
      baseSnapshotId: base,
    });
    expect(getSnapshot(db, refresh)!.baseSnapshotId).toBe(base);
    expect(listSnapshots(db).map((snapshot) => [snapshot.id, snapshot.baseSnapshotId])).toEqual([
      [refresh, base],
      [base, null],
    ]);
    db.close();
  });
});
