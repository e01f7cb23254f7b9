// PullWarnings: each warning is said once per code and subject, kept in the snapshot's log, and not said again
// by a resumed pull (a new PullWarnings on the same snapshot).
import { describe, expect, it } from 'vitest';
import { PullWarnings, type PullWarning } from '../../../electron/core/pull/pullWarnings';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { listSnapshotLog } from '../../../electron/core/store/snapshotLog';
import { createSnapshot, getSnapshot } from '../../../electron/core/store/snapshots';

function setup() {
  const db = openDatabase(':memory:');
  const snapshotId = createSnapshot(db, { orgUrl: 'https://acme.okta.com', includeFactors: false, appVersion: 'test' });
  return { db, snapshotId };
}

describe('PullWarnings', () => {
  it('says a warning once per code and subject and logs it on the snapshot', () => {
    const { db, snapshotId } = setup();
    const heard: PullWarning[] = [];
    const warnings = new PullWarnings(db, snapshotId, (warning) => heard.push(warning));
    warnings.sink('new-value', 'user status LOCKED_OUT', 'first message');
    warnings.warn('new-value', 'user status LOCKED_OUT', 'same subject, said again');
    warnings.warn('new-value', 'user status PENDING', 'another subject');
    expect(heard.map((w) => w.message)).toEqual(['first message', 'another subject']);
    expect(listSnapshotLog(db, snapshotId).map((entry) => [entry.code, entry.subject, entry.message])).toEqual([
      ['new-value', 'user status LOCKED_OUT', 'first message'],
      ['new-value', 'user status PENDING', 'another subject'],
    ]);
    expect(getSnapshot(db, snapshotId)!.warnings).toEqual(warnings.list());
  });

  it('a resumed pull keeps the earlier warnings and does not say them again', () => {
    const { db, snapshotId } = setup();
    new PullWarnings(db, snapshotId).warn('rate-limits-guessed', 'users', 'guessing users');
    const heard: PullWarning[] = [];
    const resumed = new PullWarnings(db, snapshotId, (warning) => heard.push(warning));
    resumed.warn('rate-limits-guessed', 'users', 'guessing users');
    resumed.warn('rate-limits-guessed', 'apps', 'guessing apps');
    expect(heard.map((w) => w.message)).toEqual(['guessing apps']);
    expect(resumed.list().map((w) => w.message)).toEqual(['guessing users', 'guessing apps']);
  });
});
