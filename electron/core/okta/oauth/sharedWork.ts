// One piece of work several callers wait for (the OAuth token request): a caller's signal ends its own wait at once,
// and the work itself is cancelled when every caller has given up (none is left paying for it).
export class SharedWork<T> {
  private readonly controller = new AbortController();
  private waiters = 0;
  /** A caller without a signal never gives up, so the work then always runs to its end. */
  private unstoppable = false;
  private readonly result: Promise<T>;

  constructor(work: (signal: AbortSignal) => Promise<T>) {
    this.result = work(this.controller.signal);
    this.result.catch(() => {}); // each waiter sees the failure; none must be reported as unhandled
  }

  /** True once every caller gave up: a new caller must start fresh work rather than join this one. */
  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  wait(signal?: AbortSignal): Promise<T> {
    if (!signal) {
      this.unstoppable = true;
      return this.result;
    }
    this.waiters++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        if (--this.waiters === 0 && !this.unstoppable) this.controller.abort(signal.reason);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.result.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
