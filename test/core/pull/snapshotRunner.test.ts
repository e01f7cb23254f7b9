// A snapshot another live process is pulling into cannot be resumed; one left "running" by a killed process can.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSnapshot, thisRunner } from '../../../electron/core/pull/snapshotRunner';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { createSnapshot } from '../../../electron/core/store/snapshots';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('claimSnapshot', () => {
  it('refuses a snapshot a live local process is pulling, and takes it over once that process is gone', async () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const snapshotId = createSnapshot(db, {
      orgUrl: 'https://acme.okta.com',
      includeFactors: false,
      appVersion: 'test',
    });
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      db.prepare(`UPDATE snapshots SET status = 'running', runner = ? WHERE id = ?`).run(
        `${os.hostname()}:${other.pid}`,
        snapshotId,
      );
      expect(() => claimSnapshot(db, snapshotId)).toThrow(new RegExp(`being pulled right now by process ${other.pid}`));
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }
    claimSnapshot(db, snapshotId);
    expect(db.prepare(`SELECT status, runner FROM snapshots WHERE id = ?`).get(snapshotId)).toEqual({
      status: 'running',
      runner: thisRunner(),
    });
    db.close();
  });

  it('does not block on a runner from another machine (the cache file was copied)', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const snapshotId = createSnapshot(db, {
      orgUrl: 'https://acme.okta.com',
      includeFactors: false,
      appVersion: 'test',
    });
    db.prepare(`UPDATE snapshots SET status = 'failed', runner = 'some-other-host:1' WHERE id = ?`).run(snapshotId);
    expect(() => claimSnapshot(db, snapshotId)).not.toThrow();
    db.close();
  });
});
