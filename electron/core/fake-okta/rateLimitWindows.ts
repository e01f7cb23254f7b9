// Rate-limit accounting: the options, and one fixed window per bucket (anchored at the bucket's first request,
// rolling every windowMs, never on wall-clock boundaries) counting the requests it admitted.
import { BUCKET_NAMES, WORKFORCE_DEFAULT_LIMITS, type BucketName } from '../okta/oktaBuckets';

export interface RateLimitOptions {
  /** Requests per window per bucket; unset buckets keep Okta's Workforce defaults (users 600, apps 100 ...). */
  buckets?: Partial<Record<BucketName, number>>;
  /** Window length; default 60000 (Okta's minute). */
  windowMs?: number;
  /** The share of each bucket one token may use (Okta's default per-token cap is 0.5); default 1. */
  tokenShare?: number;
  /** Requests in flight at once; over it a request is answered 429 with limit/remaining 0. Default 75. */
  concurrency?: number;
}

export interface RateLimitSettings {
  /** False when no `rateLimits` option was given: Okta-like headers only, nothing is refused. */
  enforce: boolean;
  limits: Readonly<Record<BucketName, number>>;
  windowMs: number;
  tokenShare: number;
  concurrency: number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`rateLimits.${name} must be a positive number, got ${value}`);
  return value;
}

export function resolveRateLimits(options: RateLimitOptions | false | undefined): RateLimitSettings {
  const given = options || {};
  const limits = { ...WORKFORCE_DEFAULT_LIMITS };
  for (const name of BUCKET_NAMES) {
    const value = given.buckets?.[name];
    if (value !== undefined) {
      if (!Number.isInteger(value) || value < 0)
        throw new RangeError(`rateLimits.buckets.${name} must be a non-negative integer, got ${value}`);
      limits[name] = value;
    }
  }
  const tokenShare = positive('tokenShare', given.tokenShare, 1);
  if (tokenShare > 1) throw new RangeError(`rateLimits.tokenShare must be at most 1, got ${tokenShare}`);
  return {
    enforce: Boolean(options),
    limits,
    windowMs: positive('windowMs', given.windowMs, 60_000),
    tokenShare,
    concurrency: positive('concurrency', given.concurrency, 75),
  };
}

export interface WindowVerdict {
  allowed: boolean;
  /** The effective limit: floor(bucket limit x tokenShare). */
  limit: number;
  remaining: number;
  /** Epoch seconds, the window end rounded UP. */
  resetSeconds: number;
  /** Requests admitted in the current window, this one included when allowed. */
  used: number;
}

interface BucketWindow {
  anchorMs: number;
  startMs: number;
  used: number;
}

export class RateLimitWindows {
  private readonly windows = new Map<BucketName, BucketWindow>();

  constructor(private readonly settings: RateLimitSettings) {}

  effectiveLimit(bucket: BucketName): number {
    return Math.floor(this.settings.limits[bucket] * this.settings.tokenShare);
  }

  private current(bucket: BucketName, nowMs: number): BucketWindow {
    let window = this.windows.get(bucket);
    if (!window) {
      window = { anchorMs: nowMs, startMs: nowMs, used: 0 };
      this.windows.set(bucket, window);
    } else if (nowMs >= window.startMs + this.settings.windowMs || nowMs < window.startMs) {
      // Windows roll on a grid anchored at the first request; a clock set backwards starts a fresh grid.
      if (nowMs < window.anchorMs) window.anchorMs = nowMs;
      const elapsed = nowMs - window.anchorMs;
      window.startMs = window.anchorMs + Math.floor(elapsed / this.settings.windowMs) * this.settings.windowMs;
      window.used = 0;
    }
    return window;
  }

  /** Counts one request against `bucket` if the window has room (always, when not enforcing). */
  take(bucket: BucketName, nowMs: number): WindowVerdict {
    const window = this.current(bucket, nowMs);
    const limit = this.effectiveLimit(bucket);
    const allowed = !this.settings.enforce || window.used < limit;
    if (allowed) window.used++;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.used),
      resetSeconds: Math.ceil((window.startMs + this.settings.windowMs) / 1000),
      used: window.used,
    };
  }
}
