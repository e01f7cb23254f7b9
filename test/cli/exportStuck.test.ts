// `okta-prep export` stops when told to even while a file-system step never answers (a FIFO where the publish lock
// goes blocks the read, as a stuck drive would): SIGTERM ends it at once with nothing written. An export of nothing
// (--relations "") is refused with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_LOCK_NAME } from '../../electron/core/export/publishLock';
import type { FakeOktaServer } from '../../electron/core/fake-okta/server';
import { pullFakeOrg } from '../helpers/pullFakeOrg';
import { runCli } from '../helpers/runCli';
import { makeStuckFifo, type StuckFifo } from '../helpers/stuckFifo';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
let server: FakeOktaServer;
let dbFile: string;
let fifo: StuckFifo | undefined;

beforeAll(async () => {
  const dir = tempDir();
  const pulled = await pullFakeOrg(dir, { seed: 'cli-stuck', users: 30, groups: 5, apps: 4 });
  pulled.db.close();
  server = pulled.server;
  dbFile = path.join(dir, 'cache.sqlite');
});
afterAll(async () => {
  fifo?.release();
  await server?.close();
});

describe('okta-prep export', () => {
  it('ends on SIGTERM while a step waits on a FIFO, saying so and writing nothing', async () => {
    const out = tempDir();
    fifo = makeStuckFifo(path.join(out, PUBLISH_LOCK_NAME));
    const started = Date.now();
    // SIGTERM once the files are written and the export waits on the lock; SIGKILL much later only if it hangs.
    const run = await runCli(['export', '--db', dbFile, '--out', out], { terminateAfterMs: 4000, killAfterMs: 30_000 });
    // The blocked read holds a thread that would keep the process alive: it ends by the signal's default action.
    expect({ code: run.code, signal: run.signal }, run.stderr).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.stderr).toMatch(/export cancelled by SIGTERM: nothing was written/);
    expect(fs.readdirSync(out)).toEqual([PUBLISH_LOCK_NAME]);
  });

  it('refuses an export of nothing (--relations "") with the reason, exit 2, creating no folder', async () => {
    const out = path.join(tempDir(), 'not-created');
    const run = await runCli(['export', '--db', dbFile, '--out', out, '--relations', '']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nothing to export: no relation kind is chosen/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
