// Worker thread that writes one CSV file of an export (bundleFileWriter.ts) on its own read-only connection to the
// cache, so an export's files are written side by side and the thread that started it stays free.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { writeBundleFile } from './bundleFileWriter';
import type { FromBundleFileWorker, BundleFileWorkerData } from './writeBundleFiles';

const port = parentPort!;
const { dbPath, task } = workerData as BundleFileWorkerData;
const controller = new AbortController();
port.on('message', (message: { type: 'cancel' }) => {
  if (message.type === 'cancel') controller.abort(new Error('cancelled'));
});
const send = (message: FromBundleFileWorker) => port.postMessage(message);

async function run() {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return await writeBundleFile(db, task, {
      signal: controller.signal,
      onProgress: (rows) => send({ type: 'progress', rows }),
    });
  } finally {
    db.close();
  }
}

run().then(
  (written) => send({ type: 'done', written }),
  (error: unknown) => send({ type: 'failed', message: (error as Error).message }),
);
