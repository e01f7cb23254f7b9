// Worker thread that writes one CSV file of an export (bundleFileWriter.ts) on its own read-only connection to the
// cache, so an export's files are written side by side and the thread that started it stays free; or that validates
// the files written.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { validateCsvSources } from '../balkanid/validator/index';
import { writeBundleFile } from './bundleFileWriter';
import type { FromBundleFileWorker, BundleFileWorkerData } from './writeBundleFiles';

const port = parentPort!;
const data = workerData as BundleFileWorkerData;
const controller = new AbortController();
port.on('message', (message: { type: 'cancel' }) => {
  if (message.type === 'cancel') controller.abort(new Error('cancelled'));
});
const send = (message: FromBundleFileWorker) => port.postMessage(message);

async function run() {
  if ('validate' in data) return validateCsvSources(data.validate);
  const { dbPath, task } = data;
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
  (result) => send({ type: 'done', result }),
  (error: unknown) => send({ type: 'failed', message: (error as Error).message }),
);
