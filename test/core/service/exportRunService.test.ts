// The service's side of the Export screen: an export of nothing is refused before any job starts, a folder that holds
// a bundle is replaced only with `overwrite`, the last folder used comes back as the default (with the recent ones),
// the folder dialog exists only where a desktop app provides it, and Cancel ends an export stuck in a file-system
// call (a FIFO where the publish lock goes) at once.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { PUBLISH_LOCK_NAME } from '../../../electron/core/export/publishLock';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../../electron/core/okta/auth';
import { OktaClient } from '../../../electron/core/okta/oktaClient';
import { pullOrg } from '../../../electron/core/pull/pullOrg';
import type { JobState } from '../../../shared/service/types';
import { serviceOverFolder, type ServiceOverFolder } from '../../helpers/serviceOverFolder';
import { makeStuckFifo, type StuckFifo } from '../../helpers/stuckFifo';
import { useTempDirs } from '../../helpers/tempDir';
import { waitForJob } from '../../helpers/waitForJob';

const TOKEN = 'export-run-service-token';
const tempDir = useTempDirs();
let okta: FakeOktaServer;
let opened: ServiceOverFolder;
let dispatch: ReturnType<typeof createDispatcher>;
let snapshotId: number;
const chosenByDialog: (string | undefined)[] = [];
const fifos: StuckFifo[] = [];

beforeAll(async () => {
  okta = await startFakeOktaServer({
    org: generateOrg({ seed: 'export-run', users: 40, groups: 6, apps: 4 }),
    apiToken: TOKEN,
  });
  opened = serviceOverFolder(tempDir(), {
    defaultExportFolder: '/default/exports',
    chooseFolder: async (defaultPath) => {
      chosenByDialog.push(defaultPath);
      return '/chosen/in/dialog';
    },
  });
  dispatch = createDispatcher(opened.service, { logger: () => undefined });
  const client = new OktaClient({ orgUrl: okta.url, auth: new SswsTokenAuth(TOKEN) });
  snapshotId = (await pullOrg({ db: opened.db, client, includeFactors: false, appVersion: 'test' })).snapshotId;
});
afterAll(async () => {
  for (const fifo of fifos) fifo.release();
  await opened?.service.close();
  opened?.db.close();
  await okta?.close();
});

async function call(method: string, params: unknown): Promise<unknown> {
  const result = await dispatch(method, params);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
async function failure(method: string, params: unknown) {
  const result = await dispatch(method, params);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}
const listJobs = async () => (await call('jobs.list', {})) as JobState[];
async function exportTo(outDir: string, extra: Record<string, unknown> = {}): Promise<JobState> {
  const job = (await call('export.start', { snapshotId, outDir, ...extra })) as JobState;
  return waitForJob(listJobs, job.id);
}

describe('export.start', () => {
  it('refuses an export of nothing before any job starts, creating no folder', async () => {
    const outDir = path.join(tempDir(), 'nothing');
    const before = (await listJobs()).length;
    for (const format of ['entities-relations', 'entitlements']) {
      const refused = await failure('export.start', { snapshotId, outDir, options: { format, relationKinds: [] } });
      expect(refused.code).toBe('BAD_INPUT');
      expect(refused.message).toMatch(/^nothing to export: no relation kind is chosen/);
    }
    expect((await listJobs()).length).toBe(before);
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('replaces a bundle already in the folder only with overwrite, and export.checkFolder lists it', async () => {
    const outDir = tempDir();
    expect(await call('export.checkFolder', { path: path.join(outDir, 'missing') })).toEqual({ bundleFiles: [] });
    expect((await exportTo(outDir)).status).toBe('complete');
    fs.writeFileSync(path.join(outDir, 'notes.txt'), 'mine');
    const listed = { bundleFiles: ['entities.csv', 'entity-relations.csv', 'manifest.json'] };
    expect(await call('export.checkFolder', { path: outDir })).toEqual(listed);
    const before = fs.statSync(path.join(outDir, 'manifest.json')).mtimeMs;
    const refused = await failure('export.start', { snapshotId, outDir });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(`${outDir} already holds an export (entities.csv, entity-relations.csv`);
    expect(fs.statSync(path.join(outDir, 'manifest.json')).mtimeMs).toBe(before);
    expect((await exportTo(outDir, { overwrite: true })).status).toBe('complete');
    expect(fs.readFileSync(path.join(outDir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('export folders', () => {
  it('offers the last folder exported to, and the ones before it as recent', async () => {
    const first = path.join(tempDir(), 'first');
    const second = path.join(tempDir(), 'second');
    await exportTo(first);
    await exportTo(second);
    const offered = (await call('export.defaultFolder', {})) as { path: string; recent: string[] };
    expect(offered.path).toBe(second);
    expect(offered.recent[0]).toBe(first);
    expect(offered.recent).not.toContain(second);
  });

  it('opens the folder dialog where the app provides one, and says there is none in the browser build', async () => {
    expect(await call('export.chooseFolder', { defaultPath: '/start/here' })).toEqual({
      available: true,
      path: '/chosen/in/dialog',
    });
    expect(chosenByDialog).toEqual(['/start/here']);
    const browser = serviceOverFolder(tempDir(), { transport: 'http' });
    try {
      expect(await browser.service['export.chooseFolder']({})).toEqual({ available: false });
    } finally {
      await browser.service.close();
      browser.db.close();
    }
  });
});

describe('cancelling an export', () => {
  it('ends it at once while a file-system call never answers (a FIFO as the publish lock)', async () => {
    const outDir = tempDir();
    fifos.push(makeStuckFifo(path.join(outDir, PUBLISH_LOCK_NAME)));
    const job = (await call('export.start', { snapshotId, outDir })) as JobState;
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the files are written: it waits on the lock
    expect((await listJobs()).find((candidate) => candidate.id === job.id)?.status).toBe('running');
    const cancelledAt = Date.now();
    await call('jobs.cancel', { jobId: job.id });
    const ended = await waitForJob(listJobs, job.id, { timeoutMs: 10_000 });
    expect(ended.status).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(5000);
    expect(fs.readdirSync(outDir)).toEqual([PUBLISH_LOCK_NAME]);
  });
});
