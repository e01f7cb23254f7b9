// An export whose file-system step never answers (a FIFO where the publish lock goes: reading it blocks, as a stuck
// drive would) ends with a clear error after the step's time limit, and at once on cancel, leaving nothing behind.
// An export of nothing (no relation kind) is refused before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, ExportError } from '../../../electron/core/export/exportBundle';
import { PUBLISH_LOCK_NAME } from '../../../electron/core/export/publishLock';
import type { FakeOktaServer } from '../../../electron/core/fake-okta/server';
import type { Db } from '../../../electron/core/store/openDatabase';
import { pullFakeOrg } from '../../helpers/pullFakeOrg';
import { makeStuckFifo, type StuckFifo } from '../../helpers/stuckFifo';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let server: FakeOktaServer;
let db: Db;
let snapshotId: number;
const fifos: StuckFifo[] = [];

beforeAll(async () => {
  ({ server, db, snapshotId } = await pullFakeOrg(tempDir(), { seed: 'stuck', users: 30, groups: 5, apps: 4 }));
});
afterAll(async () => {
  for (const fifo of fifos) fifo.release();
  db?.close();
  await server?.close();
});

/** An output folder whose publish lock is a FIFO: taking the lock reads it, and the read never returns by itself. */
function folderWithStuckLock(): string {
  const out = tempDir();
  fifos.push(makeStuckFifo(path.join(out, PUBLISH_LOCK_NAME)));
  return out;
}

/** How long `promise` took to settle, and its error. */
async function timedFailure(promise: Promise<unknown>): Promise<{ ms: number; error: Error }> {
  const started = Date.now();
  const error = await promise.then(
    () => new Error('the export finished'),
    (caught: unknown) => caught as Error,
  );
  return { ms: Date.now() - started, error };
}

describe('an export step that never answers', () => {
  it('ends after the time limit with an error naming the step, and leaves no file of its own', async () => {
    const out = folderWithStuckLock();
    const { ms, error } = await timedFailure(
      exportBundle({ db, snapshotId, outDir: out, appVersion: 'test', fileStepLimitMs: 400 }),
    );
    expect(error.message).toMatch(/reading the lock .*\.okta-prep-export\.lock did not finish within 400 ms/);
    expect(error.message).toMatch(/choose another folder/);
    expect(ms).toBeLessThan(10_000);
    expect(fs.readdirSync(out)).toEqual([PUBLISH_LOCK_NAME]);
  });

  it('ends at once when cancelled while waiting, long before its time limit', async () => {
    const out = folderWithStuckLock();
    const controller = new AbortController();
    const exporting = exportBundle({
      db,
      snapshotId,
      outDir: out,
      appVersion: 'test',
      signal: controller.signal,
      fileStepLimitMs: 600_000,
    });
    // Cancel once the files are written and the export waits on the lock (no progress comes after the last row).
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 1500);
    const { ms, error } = await timedFailure(exporting);
    expect(error.message).toBe('cancelled by the test');
    expect(ms).toBeLessThan(10_000);
    expect(fs.readdirSync(out)).toEqual([PUBLISH_LOCK_NAME]);
  });
});

describe('an export of nothing', () => {
  it.each(['entities-relations', 'entitlements'])('is refused in the %s format, creating no folder', async (format) => {
    const out = path.join(tempDir(), 'not-created');
    const exporting = exportBundle({
      db,
      snapshotId,
      outDir: out,
      appVersion: 'test',
      options: { format, relationKinds: [] },
    });
    await expect(exporting).rejects.toThrow(ExportError);
    await expect(exporting).rejects.toThrow(/nothing to export: no relation kind is chosen/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
