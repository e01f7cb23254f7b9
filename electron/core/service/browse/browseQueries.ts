// The service's side of the browse worker: starts it on first use, sends each browse.* call and resolves it with the
// worker's answer. Every call has a time limit: a query still running after it stops the worker (the next call
// starts a fresh one) and fails with a message saying how to narrow the view.
import type { Worker } from 'node:worker_threads';
import type { ParamsOf, ResultOf } from '../../../../shared/service/contract';
import { startWorker } from '../../workers/workerEntry';
import { ServiceFailure, isServiceErrorCode } from '../serviceFailure';
import type { BrowseAnswer, BrowseMethod, BrowseRequest, BrowseWorkerData } from './browseWorkerMessages';

const DEFAULT_TIME_LIMIT_MS = 60_000;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

export class BrowseQueries {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  constructor(
    private readonly dbPath: string,
    private readonly timeLimitMs = DEFAULT_TIME_LIMIT_MS,
  ) {}

  call<M extends BrowseMethod>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    const worker = this.workerOrStart();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(this.timeoutFailure()), this.timeLimitMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      worker.postMessage({ id, method, params } satisfies BrowseRequest<M>);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.stop(new ServiceFailure('CONFLICT', 'the service is closing'));
    await worker?.terminate();
  }

  private workerOrStart(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker('browseWorker', new URL('./browseWorker.ts', import.meta.url), {
      workerData: { dbPath: this.dbPath } satisfies BrowseWorkerData,
    });
    worker.unref(); // an idle browse worker never keeps the process alive
    worker.on('message', (answer: BrowseAnswer) => this.settle(answer));
    // An error thrown in the worker arrives as a plain copy: a real Error for the dispatcher to log.
    worker.on('error', (error: unknown) => this.stop(new Error(`the browse worker failed: ${describe(error)}`)));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(new Error(`the browse worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(answer: BrowseAnswer): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    clearTimeout(pending.timer);
    if (answer.ok) pending.resolve(answer.value);
    else if ('failure' in answer && isServiceErrorCode(answer.failure.code))
      pending.reject(new ServiceFailure(answer.failure.code, answer.failure.message));
    // Not a ServiceFailure: the dispatcher logs the details and answers INTERNAL.
    else pending.reject(new Error('internal' in answer ? answer.internal : answer.failure.message));
  }

  /** Fails every call in flight with `error` and stops the worker; the next call starts a new one. */
  private stop(error: unknown): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
    void worker?.terminate();
  }

  private timeoutFailure(): ServiceFailure {
    return new ServiceFailure(
      'BAD_INPUT',
      `this view took longer than ${Math.round(this.timeLimitMs / 1000)} s to read and was stopped: narrow it ` +
        `with a search or a column filter`,
    );
  }
}

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, code, stack } = error as { message?: unknown; code?: unknown; stack?: unknown };
  return [code, message, stack].filter((part) => typeof part === 'string' && part !== '').join(': ');
}
