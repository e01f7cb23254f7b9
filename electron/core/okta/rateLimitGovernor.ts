// Keeps a pull inside Okta's rate limits: per-bucket state from X-Rate-Limit-* headers, a cap on requests in flight,
// and a share of each bucket left free for the org's other integrations. Waiting time is counted per bucket.
// Without headers (stripped by a proxy) the limits are guessed and requests paced: see guessedRateLimits.ts.
import { GuessedRatePacer } from './guessedRateLimits';
import { sleep } from './sleep';
import type { BucketName } from './oktaBuckets';

export interface RateLimitHeaders {
  limit?: number;
  remaining?: number;
  /** Epoch seconds (server clock). */
  reset?: number;
  /** The response's Date header in epoch ms (server clock), used to convert reset to local time. */
  serverDateMs?: number;
  /** A 429's Retry-After (seconds or HTTP-date) as milliseconds from now. */
  retryAfterMs?: number;
}

/** True when the answer said nothing about its bucket's budget (a proxy or gateway may strip the headers). */
export function lacksRateLimitHeaders(headers: RateLimitHeaders): boolean {
  return headers.limit === undefined && headers.remaining === undefined && headers.reset === undefined;
}

export interface GovernorOptions {
  /** Fraction of each bucket's limit a pull may use per window (0.1..1). */
  share?: number;
  maxConcurrency?: number;
  now?: () => number;
  random?: () => number;
  /** The window guessed limits are per (Okta's minute); tests shorten it together with the fake server's window. */
  guessedWindowMs?: number;
}

interface BucketState {
  limit?: number;
  remaining?: number;
  resetAtLocalMs?: number;
  resetEpoch?: number;
  inFlight: number;
  /** Wall time during which at least one request of this bucket was held back (not the sum over waiters). */
  waitedMs: number;
  waiting: number;
  waitingSince: number;
  rateLimited: number;
  /** The last answer carried no X-Rate-Limit-* headers: the limit is guessed until one does. */
  headerless: boolean;
  /** A 429 with Retry-After (and no reset) holds the whole bucket until then. */
  pausedUntilMs?: number;
}

export interface BucketSnapshot {
  bucket: BucketName;
  limit?: number;
  remaining?: number;
  inFlight: number;
  waitedMs: number;
  rateLimited: number;
}

export function readRateLimitHeaders(headers: Headers): RateLimitHeaders {
  const number = (name: string) => {
    const raw = headers.get(name);
    if (raw === null || raw.includes(',')) return undefined; // duplicated headers are ambiguous
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  const date = headers.get('date');
  const serverDateMs = date ? Date.parse(date) : Number.NaN;
  const known = Number.isNaN(serverDateMs) ? undefined : serverDateMs;
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), known ?? Date.now());
  return {
    limit: number('x-rate-limit-limit'),
    remaining: number('x-rate-limit-remaining'),
    reset: number('x-rate-limit-reset'),
    serverDateMs: known,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  };
}

const RESET_MARGIN_MS = 1000; // Okta's advice: reset − Date + 1 s (clock skew, whole-second headers)
/** A Retry-After longer than this is not believed (a misconfigured proxy must not park the pull for hours). */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** Retry-After: delta-seconds or an HTTP-date (measured against the answer's Date header when there is one). */
function parseRetryAfter(raw: string | null, serverNowMs: number): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const trimmed = raw.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - serverNowMs);
}

export class RateLimitGovernor {
  readonly share: number;
  readonly maxConcurrency: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly buckets = new Map<BucketName, BucketState>();
  private inFlightTotal = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly pacer: GuessedRatePacer;
  private readonly headerlessBuckets = new Set<BucketName>();

  constructor(options: GovernorOptions = {}) {
    const share = options.share ?? 0.8;
    if (!(share >= 0.1 && share <= 1)) throw new RangeError(`share must be between 0.1 and 1 (got ${share})`);
    this.share = share;
    this.maxConcurrency = Math.max(1, options.maxConcurrency ?? 8);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.pacer = new GuessedRatePacer({ share, windowMs: options.guessedWindowMs });
  }

  /** True while some bucket's limit is guessed because its answers carry no headers. */
  get guessing(): boolean {
    return this.headerlessBuckets.size > 0;
  }

  /**
   * The 10-per-second ceiling covers every request while any bucket in use is guessed or not heard from yet. It must
   * cover the known buckets too: a bucket waiting for its first answer needs a gap in the overall spacing, and a busy
   * known bucket that ignored the spacing would never leave one (the apps listing starved behind an endless users one).
   */
  private get pacingEveryone(): boolean {
    if (this.guessing) return true;
    for (const state of this.buckets.values())
      if (state.limit === undefined || state.remaining === undefined) return true;
    return false;
  }

  private state(bucket: BucketName): BucketState {
    let state = this.buckets.get(bucket);
    if (!state) {
      state = { inFlight: 0, waitedMs: 0, waiting: 0, waitingSince: 0, rateLimited: 0, headerless: false };
      this.buckets.set(bucket, state);
    }
    return state;
  }

  /** Requests of this bucket that must stay unused in the current window (the other integrations' headroom). */
  private reserve(limit: number): number {
    return Math.floor(limit * (1 - this.share) + 1e-9);
  }

  /** How long to wait before a request in `bucket` may start, 0 if it may start now. */
  private delayFor(bucket: BucketName): number {
    const state = this.state(bucket);
    const now = this.now();
    if (state.pausedUntilMs !== undefined && now < state.pausedUntilMs) return state.pausedUntilMs - now;
    if (state.resetAtLocalMs !== undefined && now >= state.resetAtLocalMs) {
      // The window has rolled over: assume a fresh budget until the next response says otherwise.
      state.remaining = state.limit;
      state.resetAtLocalMs = undefined;
      state.resetEpoch = undefined;
    }
    if (state.limit === undefined || state.remaining === undefined) {
      // Not known (yet, or no headers at all): paced as a guessed bucket, at most 10 requests a second overall.
      const paced = this.pacer.delayFor(bucket, state.headerless, now);
      if (paced > 0) return paced;
      // Nothing heard yet: probe with one request at a time until the headers tell us the budget.
      return state.inFlight === 0 || state.headerless ? 0 : 50;
    }
    const overall = this.pacingEveryone ? this.pacer.delayFor(bucket, false, now) : 0;
    if (overall > 0) return overall;
    if (state.remaining - state.inFlight > this.reserve(state.limit)) return 0;
    if (state.resetAtLocalMs === undefined) return state.inFlight === 0 ? 0 : 50;
    return Math.max(1, state.resetAtLocalMs - now);
  }

  /** Waits until a request in `bucket` may start within the share and the concurrency cap; returns its release. */
  async acquire(bucket: BucketName, signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.inFlightTotal >= this.maxConcurrency) {
        await this.waitForSlot(signal);
        continue;
      }
      const delay = this.delayFor(bucket);
      if (delay === 0) break;
      await this.waitCounted(bucket, delay, signal);
    }
    const state = this.state(bucket);
    this.pacer.started(bucket, this.now());
    state.inFlight++;
    this.inFlightTotal++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.inFlight--;
      this.inFlightTotal--;
      this.waiters.shift()?.();
    };
  }

  /** Waits until a request in flight finishes (or the signal aborts). */
  private waitForSlot(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(wake);
        if (index !== -1) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      this.waiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Sleeps, counting the time as this bucket's rate-limit wait. */
  async waitCounted(bucket: BucketName, ms: number, signal?: AbortSignal): Promise<void> {
    const state = this.state(bucket);
    if (state.waiting++ === 0) state.waitingSince = this.now();
    try {
      await sleep(ms, signal);
    } finally {
      if (--state.waiting === 0) state.waitedMs += this.now() - state.waitingSince;
    }
  }

  /** Learns the bucket's budget from a response's headers (the headers are the truth, not any table). */
  observe(bucket: BucketName, headers: RateLimitHeaders): void {
    const state = this.state(bucket);
    if (lacksRateLimitHeaders(headers)) return this.forgetBudget(bucket, state);
    state.headerless = false;
    this.headerlessBuckets.delete(bucket);
    if (headers.limit === undefined || headers.remaining === undefined || headers.reset === undefined) return;
    if (headers.limit === 0) return; // a concurrency 429 reports 0/0: not a window budget
    const resetAtLocalMs = this.toLocalResetMs(headers);
    if (state.resetEpoch === undefined || headers.reset > state.resetEpoch) {
      state.resetEpoch = headers.reset;
      state.remaining = headers.remaining;
      state.resetAtLocalMs = resetAtLocalMs;
    } else if (headers.reset === state.resetEpoch) {
      // Responses of one window arrive out of order: the smallest remaining is the latest truth.
      state.remaining = Math.min(state.remaining ?? headers.remaining, headers.remaining);
    }
    state.limit = headers.limit;
  }

  /** Answers without headers: whatever the bucket's budget was, from now on it is guessed (until headers return). */
  private forgetBudget(bucket: BucketName, state: BucketState): void {
    state.headerless = true;
    this.headerlessBuckets.add(bucket);
    state.limit = undefined;
    state.remaining = undefined;
    state.resetAtLocalMs = undefined;
    state.resetEpoch = undefined;
  }

  private toLocalResetMs(headers: RateLimitHeaders): number {
    const serverNow = headers.serverDateMs ?? this.now();
    return this.now() + ((headers.reset ?? 0) * 1000 - serverNow) + RESET_MARGIN_MS;
  }

  /** After a 429: how long to wait. A bucket 429 waits for the reset; a concurrency 429 (0/0) backs off with jitter. */
  onRateLimited(bucket: BucketName, headers: RateLimitHeaders, attempt: number): number {
    const state = this.state(bucket);
    state.rateLimited++;
    let wait: number;
    if (headers.limit === 0 && headers.remaining === 0) {
      wait = Math.min(30_000, 500 * 2 ** attempt) * (0.5 + this.random());
    } else if (headers.reset !== undefined) {
      wait = Math.max(0, this.toLocalResetMs(headers) - this.now());
      state.remaining = 0;
      state.resetEpoch = headers.reset;
      state.resetAtLocalMs = this.now() + wait;
      if (headers.limit !== undefined) state.limit = headers.limit;
    } else if (headers.retryAfterMs !== undefined) {
      // No reset (a proxy stripped it, or a gateway's own limit): Retry-After, bounded, holds the whole bucket.
      wait = Math.min(MAX_RETRY_AFTER_MS, headers.retryAfterMs);
      state.pausedUntilMs = this.now() + wait;
    } else {
      wait = Math.min(60_000, 1000 * 2 ** attempt) * (0.5 + this.random());
    }
    return wait;
  }

  snapshot(): BucketSnapshot[] {
    return [...this.buckets.entries()].map(([bucket, state]) => ({
      bucket,
      limit: state.limit,
      remaining: state.remaining,
      inFlight: state.inFlight,
      waitedMs: Math.round(state.waitedMs + (state.waiting > 0 ? this.now() - state.waitingSince : 0)),
      rateLimited: state.rateLimited,
    }));
  }
}
