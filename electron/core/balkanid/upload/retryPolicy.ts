// When a request to BalkanID is tried again, and how long to wait first.
//
// Why these retries are safe:
// - POST …/upload-url only hands out an address to upload to; it changes nothing at BalkanID. Asking again after a
//   network error, a time limit, a 5xx or a 429 cannot upload anything twice.
// - PUT to a pre-signed URL stores the body under one fixed object key: sending the same bytes again leaves the same
//   object (it is idempotent), so a network error, a time limit or a 5xx is retried as well.
// - An expired pre-signed URL is not the file's fault: the upload asks for a fresh URL, once (see uploadOneFile).
// - 401, 403 from BalkanID's API and 413 would answer the same again, so they are never retried.
// Waits grow exponentially with jitter (so many clients do not retry in step) and are capped; a server's Retry-After is
// honoured up to a limit, beyond which the upload stops and says when to try again rather than hang.
import { sleep } from '../../okta/sleep';
import { cancelled, gaveUp, TransientFailure } from './uploadErrors';

export interface RetryLimits {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After stops the upload instead of waiting. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
};

export interface RetryNotice {
  /** The attempt about to start (2 for the first retry). */
  attempt: number;
  attempts: number;
  delayMs: number;
  reason: string;
}

/** Half the exponential step, plus a random part of the other half. */
export function backoffMs(retry: number, limits: RetryLimits, random: () => number = Math.random): number {
  const step = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as delta seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `attempt` until it succeeds or throws something other than a TransientFailure; when the attempts run out (or
 * the server asks for a longer wait than allowed) the last TransientFailure becomes a final BalkanIdUploadError.
 */
export async function withRetries<T>(
  attempt: (number: number) => Promise<T>,
  options: { limits: RetryLimits; signal?: AbortSignal; onRetry?: (notice: RetryNotice) => void },
): Promise<T> {
  const { limits, signal } = options;
  for (let number = 1; ; number++) {
    try {
      return await attempt(number);
    } catch (error) {
      if (!(error instanceof TransientFailure)) throw error;
      const waitTooLong = error.retryAfterMs !== undefined && error.retryAfterMs > limits.maxRetryAfterMs;
      if (number >= limits.attempts || waitTooLong) throw gaveUp(error, number);
      const delayMs = Math.min(error.retryAfterMs ?? backoffMs(number, limits), limits.maxRetryAfterMs);
      options.onRetry?.({ attempt: number + 1, attempts: limits.attempts, delayMs, reason: error.message });
      await sleep(delayMs, signal).catch(() => {
        throw cancelled(signal);
      });
    }
  }
}
