// Runs one long job (pull, export, snapshot or file validation, export preview) in a worker thread with its own SQLite
// connection, so the service's event loop — the Electron main process — never stalls while it works.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { exportBundle, ExportError } from '../../export/exportBundle';
import { previewExport } from '../../export/exportPreview';
import { listProfileAttributes } from '../../export/profileAttributes';
import { OktaError } from '../../okta/oktaErrors';
import { PullError, PullPaused, type PullResult } from '../../pull/pullOrg';
import { runPullJob } from '../../pull/runPullJob';
import { openDatabase, type Db } from '../../store/openDatabase';
import { openPortableSnapshot } from '../../store/portable/openPortableSnapshot';
import type { FromWorker, ToWorker, WorkerResult, WorkerTask } from './jobMessages';

const port = parentPort!;
const task = workerData as WorkerTask;
const controller = new AbortController();
port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort(new Error('cancelled by the user'));
});
const send = (message: FromWorker) => port.postMessage(message);

/** Progress goes to the service as it comes; warnings reach the app in the progress and the result. */
function runPullTask(db: Db, pullTask: WorkerTask & { kind: 'pull' }): Promise<PullResult> {
  return runPullJob(db, {
    orgUrl: pullTask.orgUrl,
    credentials: pullTask.credentials,
    share: pullTask.share,
    includeFactors: pullTask.includeFactors,
    readEveryGroup: pullTask.readEveryGroup,
    appVersion: pullTask.appVersion,
    resumeSnapshotId: pullTask.resumeSnapshotId,
    quickRefreshFrom: pullTask.quickRefreshFrom,
    signal: controller.signal,
    onProgress: (progress) => send({ type: 'progress', progress: { kind: 'pull', progress } }),
  });
}

async function runExportTask(db: Db, exportTask: WorkerTask & { kind: 'export' }) {
  // An export reads in index order; a page cache smaller than a pull's keeps the process under 250 MB at 10M rows.
  db.pragma('cache_size = -4096');
  const result = await exportBundle({
    db,
    snapshotId: exportTask.snapshotId,
    outDir: exportTask.outDir,
    options: exportTask.options,
    appVersion: exportTask.appVersion,
    signal: controller.signal,
    onProgress: ({ file, rows }) => send({ type: 'progress', progress: { kind: 'export', file, rows } }),
  });
  const { outDir, manifest, validation, keptAsInvalid } = result;
  return { outDir, manifest, validation, keptAsInvalid };
}

/** Checks what an export would write by writing it to a scratch folder that is removed whatever happens. */
async function validateSnapshotTask(db: Db, checkTask: WorkerTask & { kind: 'validateSnapshot' }) {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'okta-prep-check-'));
  try {
    const result = await exportBundle({
      db,
      snapshotId: checkTask.snapshotId,
      outDir: scratch,
      options: checkTask.options,
      appVersion: checkTask.appVersion,
      signal: controller.signal,
    });
    return result.validation;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

async function run(): Promise<WorkerResult> {
  // Checking uploaded or opened files runs in validateWorker (runWorkerTask starts it for that task).
  if (task.kind === 'validateFiles') throw new Error('validateFiles runs in the validate worker');
  const portable = task.kind === 'export' && task.portable === true;
  const db = portable ? openPortableSnapshot(task.dbPath).db : openDatabase(task.dbPath);
  try {
    switch (task.kind) {
      case 'pull':
        return { kind: 'pull', value: await runPullTask(db, task) };
      case 'export':
        return { kind: 'export', value: await runExportTask(db, task) };
      case 'validateSnapshot':
        return { kind: 'validateSnapshot', value: await validateSnapshotTask(db, task) };
      case 'preview':
        return { kind: 'preview', value: previewExport(db, task.snapshotId, task.options, task.rows) };
      case 'profileAttributes':
        return { kind: 'profileAttributes', value: listProfileAttributes(db, task.snapshotId) };
    }
  } finally {
    db.close();
  }
}

run().then(
  (result) => send({ type: 'done', result }),
  (error: unknown) => {
    const cause = error instanceof PullError ? error.cause : error;
    const code = controller.signal.aborted
      ? 'CANCELLED'
      : error instanceof PullPaused
        ? 'PULL_PAUSED'
        : cause instanceof OktaError
          ? cause.kind === 'auth'
            ? 'OKTA_AUTH'
            : cause.kind === 'permission'
              ? 'OKTA_PERMISSION'
              : 'OKTA_UNAVAILABLE'
          : 'BAD_INPUT';
    send({
      type: 'failed',
      error: {
        code,
        message: (error as Error).message,
        snapshotId: error instanceof PullError ? error.snapshotId : undefined,
        refused: error instanceof ExportError,
      },
    });
  },
);
