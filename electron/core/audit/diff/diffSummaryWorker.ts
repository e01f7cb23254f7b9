// Worker thread that counts a snapshot comparison (diffSummary) on its own read-only connection to the cache, so the
// service's main thread keeps answering while a 100,000-user comparison is counted (about 2 s).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DiffSummaryReply, DiffSummaryTask } from './diffSummaryOffThread';
import { diffSummary, SnapshotDiffError } from './snapshotDiff';

const task = workerData as DiffSummaryTask;

function reply(): DiffSummaryReply {
  const db = new Database(task.dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return { ok: true, summary: diffSummary(db, task.pair) };
  } catch (error) {
    return { ok: false, badInput: error instanceof SnapshotDiffError, message: (error as Error).message };
  } finally {
    db.close();
  }
}

try {
  parentPort!.postMessage(reply());
} catch (error) {
  parentPort!.postMessage({ ok: false, badInput: false, message: (error as Error).message } satisfies DiffSummaryReply);
}
