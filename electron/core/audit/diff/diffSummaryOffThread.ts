// Counts a snapshot comparison in a worker thread (diffSummaryWorker.ts) and hands the summary back: the service's
// main thread stays free for other calls meanwhile. An in-memory database (tests) has no file a worker could open,
// so it is counted in this thread.
import type { DiffSummary } from '../../../../shared/audit/snapshotDiff';
import type { Db } from '../../store/openDatabase';
import { startWorker } from '../../workers/workerEntry';
import { diffSummary, SnapshotDiffError, type DiffPair } from './snapshotDiff';

export interface DiffSummaryTask {
  dbPath: string;
  pair: DiffPair;
}

export type DiffSummaryReply =
  | { ok: true; summary: DiffSummary }
  | {
      ok: false;
      /** A SnapshotDiffError: the caller asked for something that cannot be compared. */ badInput: boolean;
      message: string;
    };

/** Far above the 2 s a 100,000-user comparison takes: a worker that has not answered by then never will. */
export const DIFF_SUMMARY_TIME_LIMIT_MS = 5 * 60_000;

export function diffSummaryOffThread(db: Db, pair: DiffPair, timeLimitMs = DIFF_SUMMARY_TIME_LIMIT_MS) {
  if (db.memory) return Promise.resolve(diffSummary(db, pair));
  const task: DiffSummaryTask = { dbPath: db.name, pair };
  const worker = startWorker('diffSummaryWorker', new URL('./diffSummaryWorker.ts', import.meta.url), {
    workerData: task,
  });
  return new Promise<DiffSummary>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`counting the comparison took over ${timeLimitMs / 1000} s and was stopped`));
      void worker.terminate();
    }, timeLimitMs);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    worker.once('message', (message: DiffSummaryReply) =>
      settle(() => {
        if (message.ok) resolve(message.summary);
        else reject(message.badInput ? new SnapshotDiffError(message.message) : new Error(message.message));
      }),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the comparison worker stopped (exit code ${code})`))));
  });
}
