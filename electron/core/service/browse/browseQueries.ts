// The service's side of the browse worker: starts it on first use, sends it the browse.* calls one at a time and
// resolves each with the worker's answer. Every call has a time limit: a query still running after it stops the worker
// (the next call starts a fresh one) and fails with a message saying how to narrow the view. A new page of a table
// with another search, filter or sort supersedes the older query of that table: typing a new search never waits
// behind the previous one (a queued one is dropped, a running one stops with its worker).
import type { Worker } from 'node:worker_threads';
import type { ParamsOf, ResultOf } from '../../../../shared/service/contract';
import type { BrowsePageParams } from '../../../../shared/service/types';
import { startWorker } from '../../workers/workerEntry';
import { ServiceFailure, isServiceErrorCode } from '../serviceFailure';
import type { BrowseAnswer, BrowseMethod, BrowseRequest, BrowseWorkerData } from './browseWorkerMessages';

const DEFAULT_TIME_LIMIT_MS = 60_000;

interface Call {
  request: BrowseRequest;
  /** browse.page: the table it reads (snapshot and table), and the view in it (everything but the page asked for). */
  table?: string;
  view?: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function tableAndView(method: BrowseMethod, params: unknown): Pick<Call, 'table' | 'view'> {
  if (method !== 'browse.page') return {};
  const { offset: _offset, limit: _limit, columns: _columns, ...view } = params as BrowsePageParams;
  return { table: `${view.snapshotId}:${view.table}`, view: JSON.stringify(view) };
}

const supersededFailure = () =>
  new ServiceFailure('CONFLICT', 'a newer search or filter of this table replaced this one before it finished');

export class BrowseQueries {
  private worker: Worker | undefined;
  private readonly queue: Call[] = [];
  private running: { call: Call; timer: NodeJS.Timeout } | undefined;
  private lastId = 0;

  constructor(
    private readonly dbPath: string,
    private readonly timeLimitMs = DEFAULT_TIME_LIMIT_MS,
  ) {}

  call<M extends BrowseMethod>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    return new Promise((resolve, reject) => {
      const call: Call = {
        request: { id: ++this.lastId, method, params },
        ...tableAndView(method, params),
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      this.supersede(call);
      this.queue.push(call);
      this.next();
    });
  }

  /** Drops the queued calls of another view of the call's table, and stops the running one if it is one. */
  private supersede(call: Call): void {
    if (call.table === undefined) return;
    const older = (other: Call) => other.table === call.table && other.view !== call.view;
    for (const queued of this.queue.filter(older)) {
      this.queue.splice(this.queue.indexOf(queued), 1);
      queued.reject(supersededFailure());
    }
    if (this.running && older(this.running.call)) this.stop(supersededFailure());
  }

  /** Sends the next queued call when the worker is free; its time limit starts now. */
  private next(): void {
    if (this.running) return;
    const call = this.queue.shift();
    if (!call) return;
    const timer = setTimeout(() => this.stop(this.timeoutFailure(), { all: true }), this.timeLimitMs);
    this.running = { call, timer };
    this.workerOrStart().postMessage(call.request);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.stop(new ServiceFailure('CONFLICT', 'the service is closing'), { all: true });
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
    worker.on('error', (error: unknown) => {
      if (this.worker === worker) this.stop(new Error(`the browse worker failed: ${describe(error)}`), { all: true });
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(new Error(`the browse worker stopped (exit code ${code})`), { all: true });
    });
    this.worker = worker;
    return worker;
  }

  private settle(answer: BrowseAnswer): void {
    if (!this.running || this.running.call.request.id !== answer.id) return;
    const { call, timer } = this.running;
    this.running = undefined;
    clearTimeout(timer);
    if (answer.ok) call.resolve(answer.value);
    else if ('failure' in answer && isServiceErrorCode(answer.failure.code))
      call.reject(new ServiceFailure(answer.failure.code, answer.failure.message));
    // Not a ServiceFailure: the dispatcher logs the details and answers INTERNAL.
    else call.reject(new Error('internal' in answer ? answer.internal : answer.failure.message));
    this.next();
  }

  /**
   * Fails the running call with `error` and stops the worker (the next call starts a new one); with `all`, the queued
   * calls fail too (the worker itself failed, or the service closes), else they run on a new worker.
   */
  private stop(error: unknown, { all = false } = {}): void {
    const worker = this.worker;
    this.worker = undefined;
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.call.reject(error);
    }
    if (all) for (const queued of this.queue.splice(0)) queued.reject(error);
    void worker?.terminate();
    if (!all) this.next();
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
