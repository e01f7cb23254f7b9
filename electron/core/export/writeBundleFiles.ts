// Writes an export's CSV files side by side, each in a worker thread of its own (bundleFileWorker.ts) with its own
// read-only connection: the entities and the relations are read and written at once, and the calling thread (the
// command's, or the service job's) only relays progress. An in-memory database has no file a worker could open, so
// its files are written in this thread, one after the other.
import type { BundleCsvFile } from '../../../shared/balkanid/bundleFileNames';
import type { ValidationReport } from '../../../shared/balkanid/findings';
import { validateCsvSources, type ValidationSources } from '../balkanid/validator/index';
import type { Db } from '../store/openDatabase';
import { startWorker } from '../workers/workerEntry';
import { AtomicCsvFile } from '../balkanid/atomicCsvFile';
import { writeBundleFile, type BundleFileTask, type WrittenBundleFile } from './bundleFileWriter';

/** A worker writes one file of the bundle, or checks the files written. */
export type BundleFileWorkerData = { dbPath: string; task: BundleFileTask } | { validate: ValidationSources };

export type FromBundleFileWorker =
  | { type: 'progress'; rows: number }
  | { type: 'done'; result: WrittenBundleFile | ValidationReport }
  | { type: 'failed'; message: string };

export interface WriteFilesHooks {
  signal?: AbortSignal;
  onProgress?: (progress: { file: BundleCsvFile; rows: number }) => void;
}

/**
 * The tasks' files, finished under temporary names, in the order of the tasks. When one fails or the signal aborts,
 * the others are stopped, nothing written is left behind, and the error (the abort's reason) is thrown.
 */
export async function writeBundleFiles(
  db: Db,
  tasks: readonly BundleFileTask[],
  hooks: WriteFilesHooks,
): Promise<WrittenBundleFile[]> {
  hooks.signal?.throwIfAborted();
  if (db.memory) return writeInThisThread(db, tasks, hooks);
  const stop = new AbortController();
  const stopAll = () => stop.abort(hooks.signal?.reason);
  hooks.signal?.addEventListener('abort', stopAll, { once: true });
  let firstError: unknown;
  try {
    const runs = tasks.map((task) =>
      writeInWorker(db.name, task, (rows) => hooks.onProgress?.({ file: task.file, rows }), stop.signal).catch(
        (error: unknown) => {
          firstError ??= error;
          stop.abort(error);
          throw error;
        },
      ),
    );
    const settled = await Promise.allSettled(runs);
    const written = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    // Cancelled after the workers finished: still cancelled, nothing kept.
    if (written.length === tasks.length && !hooks.signal?.aborted) return written;
    await removeWritten(written);
    throw hooks.signal?.aborted ? hooks.signal.reason : firstError;
  } finally {
    hooks.signal?.removeEventListener('abort', stopAll);
  }
}

async function writeInThisThread(
  db: Db,
  tasks: readonly BundleFileTask[],
  { signal, onProgress }: WriteFilesHooks,
): Promise<WrittenBundleFile[]> {
  const written: WrittenBundleFile[] = [];
  try {
    for (const task of tasks)
      written.push(
        await writeBundleFile(db, task, { signal, onProgress: (rows) => onProgress?.({ file: task.file, rows }) }),
      );
  } catch (error) {
    await removeWritten(written);
    throw error;
  }
  return written;
}

/** Removes the finished temporary parts of files whose sibling failed. */
async function removeWritten(written: readonly WrittenBundleFile[]): Promise<void> {
  for (const { parts } of written)
    for (const part of parts) await AtomicCsvFile.adoptFinished(part.tempPath, part.summary).abort();
}

/**
 * Validates the written files in a worker, as the rest of the export, so the calling thread's loop stays free during
 * the check of millions of rows (in this thread for an in-memory database, like its files).
 */
export async function validateOffThread(db: Db, sources: ValidationSources): Promise<ValidationReport> {
  if (db.memory) return validateCsvSources(sources);
  return runWorker({ validate: sources }, () => undefined, new AbortController().signal, 'validation');
}

/** One file in its own worker; `stop` asks the worker to stop (it then removes what it wrote and fails). */
function writeInWorker(
  dbPath: string,
  task: BundleFileTask,
  onProgress: (rows: number) => void,
  stop: AbortSignal,
): Promise<WrittenBundleFile> {
  return runWorker({ dbPath, task }, onProgress, stop, `the ${task.file} file`);
}

function runWorker<Result>(
  workerData: BundleFileWorkerData,
  onProgress: (rows: number) => void,
  stop: AbortSignal,
  what: string,
): Promise<Result> {
  const worker = startWorker('bundleFileWorker', new URL('./bundleFileWorker.ts', import.meta.url), { workerData });
  const askToStop = () => worker.postMessage({ type: 'cancel' });
  stop.addEventListener('abort', askToStop, { once: true });
  if (stop.aborted) askToStop();
  return new Promise<Result>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      stop.removeEventListener('abort', askToStop);
      worker.removeAllListeners();
      worker.on('error', () => undefined); // a late error of a worker being stopped changes nothing
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: FromBundleFileWorker) => {
      if (message.type === 'progress') onProgress(message.rows);
      else if (message.type === 'done') settle(() => resolve(message.result as Result));
      else settle(() => reject(new Error(message.message)));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the worker of ${what} stopped (exit code ${code})`))));
  });
}
