// The snapshot a quick refresh starts from and the one `pull --resume` continues: the newest of the org with the
// right status, never another org's.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import {
  createSnapshot,
  finishSnapshot,
  latestCompleteSnapshotOf,
  latestUnfinishedSnapshotOf,
} from '../../../electron/core/store/snapshots';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const ACME = 'https://acme.okta.com';
const OTHER = 'https://other.okta.com';

describe('latest snapshot of an org', () => {
  it('finds the newest complete and the newest unfinished snapshot of that org only', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const start = (orgUrl: string) => createSnapshot(db, { orgUrl, includeFactors: false, appVersion: 'test' });
    expect(latestCompleteSnapshotOf(db, ACME)).toBeUndefined();
    expect(latestUnfinishedSnapshotOf(db, ACME)).toBeUndefined();

    const oldComplete = start(ACME);
    finishSnapshot(db, oldComplete, 'complete');
    const failed = start(ACME);
    finishSnapshot(db, failed, 'failed', 'network gone');
    const newComplete = start(ACME);
    finishSnapshot(db, newComplete, 'complete');
    const cancelled = start(ACME);
    finishSnapshot(db, cancelled, 'cancelled');
    const otherOrg = start(OTHER);
    finishSnapshot(db, otherOrg, 'complete');

    expect(latestCompleteSnapshotOf(db, ACME)).toBe(newComplete);
    expect(latestUnfinishedSnapshotOf(db, ACME)).toBe(cancelled);
    const running = start(ACME);
    expect(latestUnfinishedSnapshotOf(db, ACME)).toBe(running);
    expect(latestUnfinishedSnapshotOf(db, OTHER)).toBeUndefined();
    db.close();
  });
});
