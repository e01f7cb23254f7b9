// Rate limits assumed when Okta's answers carry no X-Rate-Limit-* headers (a proxy or gateway stripped them):
// the lowest documented limit of each bucket, spaced evenly over the window, and at most 10 requests per second
// overall.
import { LOWEST_DOCUMENTED_LIMITS, type BucketName } from './oktaBuckets';

/** A bucket the table (oktaBuckets.ts) does not know gets the most conservative figure of all (apps: 20). */
export const MOST_CONSERVATIVE_LIMIT = Math.min(...Object.values(LOWEST_DOCUMENTED_LIMITS));

/** Ceiling on the whole pull while any bucket is guessed, whatever the buckets would allow together. */
export const GUESSED_MAX_REQUESTS_PER_SECOND = 10;

export function guessedLimit(bucket: BucketName): number {
  return LOWEST_DOCUMENTED_LIMITS[bucket] ?? MOST_CONSERVATIVE_LIMIT;
}

export interface PacerOptions {
  share: number;
  /** The window the guessed limits are per: Okta's minute by default; tests shorten it ("a minute in a second"). */
  windowMs?: number;
}

/**
 * Minimum-interval pacing: a bucket's next request may start `window ÷ (limit × share)` after its previous one, and
 * any request 1000 ÷ 9 ms after the last: aiming at 9 a second leaves room for jitter (a request delayed on its way
 * out while the next leaves on time), so that Okta never counts 11 within a second.
 */
export class GuessedRatePacer {
  private readonly lastStartByBucket = new Map<BucketName, number>();
  private lastStartOverall: number | undefined;
  private readonly windowMs: number;
  readonly overallIntervalMs = Math.ceil(1000 / (GUESSED_MAX_REQUESTS_PER_SECOND * 0.9));

  constructor(private readonly options: PacerOptions) {
    this.windowMs = options.windowMs ?? 60_000;
  }

  /** Time between two starts of `bucket`'s requests while its limit is guessed. */
  bucketIntervalMs(bucket: BucketName): number {
    const allowed = Math.max(1, Math.floor(guessedLimit(bucket) * this.options.share + 1e-9));
    return Math.ceil(this.windowMs / allowed);
  }

  /** How long until a request may start: `bucketGuessed` adds the bucket's own spacing to the overall one. */
  delayFor(bucket: BucketName, bucketGuessed: boolean, nowMs: number): number {
    const overall = this.lastStartOverall === undefined ? 0 : this.lastStartOverall + this.overallIntervalMs - nowMs;
    const last = this.lastStartByBucket.get(bucket);
    const own = bucketGuessed && last !== undefined ? last + this.bucketIntervalMs(bucket) - nowMs : 0;
    return Math.max(0, overall, own);
  }

  started(bucket: BucketName, nowMs: number): void {
    this.lastStartByBucket.set(bucket, nowMs);
    this.lastStartOverall = nowMs;
  }
}

/** Said once per pull (code rate-limits-guessed, subject headers) the first time an answer lacks the headers. */
export function guessedLimitsWarning(share: number): string {
  return (
    `Okta's answers carry no X-Rate-Limit-* headers (a proxy or gateway in front of Okta may strip them), so ` +
    `the limits are guessed: ` +
    `${Math.round(share * 100)}% of the lowest documented limit of each bucket (apps ` +
    `${LOWEST_DOCUMENTED_LIMITS.apps}/min, users ${LOWEST_DOCUMENTED_LIMITS.users}/min …), ` +
    `requests spaced evenly and at most ${GUESSED_MAX_REQUESTS_PER_SECOND} a second. The pull is slower than ` +
    `it needs to be; let the proxy pass the headers through to speed it up.`
  );
}
