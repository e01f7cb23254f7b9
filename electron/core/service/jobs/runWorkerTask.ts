// Starts a task in a worker thread and relays its progress; the handle cancels it and resolves with its outcome.
import { startWorker } from '../../workers/workerEntry';
import type { FromWorker, ToWorker, WorkerError, WorkerProgress, WorkerResult, WorkerTask } from './jobMessages';

export interface WorkerTaskHandle {
  cancel(): void;
  outcome: Promise<{ ok: true; result: WorkerResult } | { ok: false; error: WorkerError }>;
}

/**
 * Checking CSV files runs in its own small worker (no SQLite, no Okta client to load); everything else in jobWorker.
 * Both speak the messages of jobMessages.ts.
 */
function startTaskWorker(task: WorkerTask) {
  if (task.kind === 'validateFiles')
    return startWorker('validateWorker', new URL('./validateWorker.ts', import.meta.url), { workerData: task });
  return startWorker('jobWorker', new URL('./jobWorker.ts', import.meta.url), { workerData: task });
}

/**
 * How long a cancelled worker has to stop by itself (it normally does within one row or one file-system call) before
 * it is terminated: a thread stuck in a synchronous call never reads the cancel message, and Cancel must still work.
 */
export const CANCEL_GRACE_MS = 2000;

type Outcome = Awaited<WorkerTaskHandle['outcome']>;

export function runWorkerTask(task: WorkerTask, onProgress: (progress: WorkerProgress) => void): WorkerTaskHandle {
  const worker = startTaskWorker(task);
  let settled = false;
  let settle: (outcome: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => {
    settle = resolve;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') onProgress(message.progress);
      else {
        settled = true;
        resolve(message.type === 'done' ? { ok: true, result: message.result } : { ok: false, error: message.error });
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, error: { code: 'INTERNAL', message: `the job stopped unexpectedly: ${error.message}` } });
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, error: { code: 'INTERNAL', message: `the job stopped unexpectedly (exit code ${code})` } });
    });
  });
  const cancel = () => {
    worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    setTimeout(() => {
      if (settled) return;
      settled = true;
      settle({ ok: false, error: { code: 'CANCELLED', message: 'cancelled by the user' } });
      void worker.terminate(); // not awaited: a thread blocked in a system call ends only when the call returns
    }, CANCEL_GRACE_MS).unref();
  };
  return { cancel, outcome };
}
