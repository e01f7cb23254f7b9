// Migration 5: snapshots gain a log of warnings; snapshots from before it read back with no warnings, and new
// entries come back in the order they were written.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { appendSnapshotLog, listSnapshotLog } from '../../../electron/core/store/snapshotLog';
import { getSnapshot } from '../../../electron/core/store/snapshots';
import { insertOldSnapshotRow } from '../../helpers/oldSnapshotRow';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('migration 005 (snapshot log)', () => {
  it('reads a snapshot from before it with no warnings, and keeps new entries in order', () => {
    const file = path.join(tempDir(), 'cache.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((migration) => migration.version < 5) });
    const id = insertOldSnapshotRow(before, 'failed');
    before.close();

    const db = openDatabase(file);
    expect(getSnapshot(db, id)!.warnings).toEqual([]);
    appendSnapshotLog(db, id, { code: 'b', subject: 'x', message: 'second said first' });
    appendSnapshotLog(db, id, { code: 'a', subject: 'y', message: 'then this' });
    expect(listSnapshotLog(db, id).map((entry) => entry.message)).toEqual(['second said first', 'then this']);
    expect(getSnapshot(db, id)!.warnings).toEqual([
      { code: 'b', message: 'second said first' },
      { code: 'a', message: 'then this' },
    ]);
    db.close();
  });
});
