// An async queue: one side pushes items as they arrive (messages from another thread), the other reads them with
// `for await`, as it would read a file. It ends when the pushing side says so, or fails with the error given.

interface Waiting<T> {
  resolve: (result: IteratorResult<T>) => void;
  reject: (error: unknown) => void;
}

export class AsyncChannel<T> implements AsyncIterable<T> {
  private readonly queued: T[] = [];
  private waiting: Waiting<T> | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;

  /** Told of each item when the reader takes it, so the pushing side can keep its lead bounded. */
  constructor(private readonly onTaken: (item: T) => void = () => undefined) {}

  push(item: T): void {
    if (this.ended) throw new Error('cannot add to a channel that has ended');
    if (this.waiting) this.settle({ value: item, done: false });
    else this.queued.push(item);
  }

  end(): void {
    this.ended = true;
    if (this.waiting && this.queued.length === 0) this.settle({ value: undefined, done: true });
  }

  /** The reader fails with `error` once it has read what was pushed before. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = { error };
    this.end();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const next = await this.next();
      if (next.done) return;
      yield next.value;
    }
  }

  private next(): Promise<IteratorResult<T>> {
    if (this.queued.length > 0) {
      const item = this.queued.shift()!;
      this.onTaken(item);
      return Promise.resolve({ value: item, done: false });
    }
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private settle(result: IteratorResult<T>): void {
    const { resolve, reject } = this.waiting!;
    this.waiting = undefined;
    if (result.done && this.failure) return reject(this.failure.error);
    if (!result.done) this.onTaken(result.value);
    resolve(result);
  }
}
