// Pacing when Okta's answers carry no X-Rate-Limit-* headers: each bucket at its share of the lowest documented
// limit, spaced evenly (no burst at a window's start), at most 10 requests a second overall; driven by an injected
// clock.
import { describe, expect, it } from 'vitest';
import { GuessedRatePacer, guessedLimit } from '../../../electron/core/okta/guessedRateLimits';
import { LOWEST_DOCUMENTED_LIMITS, type BucketName } from '../../../electron/core/okta/oktaBuckets';

/** Starts requests of `buckets` (round robin) as early as the pacer allows, for `windowMs`; returns the start times. */
function runFor(
  pacer: GuessedRatePacer,
  buckets: BucketName[],
  windowMs: number,
): { bucket: BucketName; at: number }[] {
  const starts: { bucket: BucketName; at: number }[] = [];
  let now = 0;
  for (let turn = 0; now < windowMs; turn++) {
    const bucket = buckets[turn % buckets.length]!;
    now += pacer.delayFor(bucket, true, now);
    if (now >= windowMs) break;
    pacer.started(bucket, now);
    starts.push({ bucket, at: now });
  }
  return starts;
}

function maxInAnySecond(times: number[]): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
}

describe('guessed rate limits', () => {
  it('assumes the smallest documented column of okta-api.md §3.2 per bucket', () => {
    expect(guessedLimit('apps')).toBe(20);
    expect(guessedLimit('users')).toBe(100);
    expect(guessedLimit('groups')).toBe(100);
    expect(guessedLimit('other')).toBe(100);
    expect(guessedLimit('unknown-bucket' as BucketName)).toBe(Math.min(...Object.values(LOWEST_DOCUMENTED_LIMITS)));
  });

  it('spaces one bucket evenly over the minute at its share: 16 apps requests (20 × 0.8), 3750 ms apart', () => {
    const pacer = new GuessedRatePacer({ share: 0.8 });
    const starts = runFor(pacer, ['apps'], 60_000);
    expect(starts).toHaveLength(16);
    expect(starts.slice(1).map((start, i) => start.at - starts[i]!.at)).toEqual(Array(15).fill(3750));
  });

  it('keeps every bucket within its share of the lowest limit in any minute, whatever the mix', () => {
    const pacer = new GuessedRatePacer({ share: 0.5 });
    const starts = runFor(pacer, ['users', 'groups', 'apps', 'other', 'user-by-id'], 60_000);
    for (const bucket of ['users', 'groups', 'apps', 'other', 'user-by-id'] as const) {
      expect(starts.filter((start) => start.bucket === bucket).length, bucket).toBeLessThanOrEqual(
        guessedLimit(bucket) * 0.5,
      );
    }
  });

  it('never starts more than 10 requests within a second, even when the buckets would allow more', () => {
    // A minute shortened to 5 s: the buckets would allow 80 + 80 + 16 + 80 requests in 5 s, far over 10 a second.
    const pacer = new GuessedRatePacer({ share: 0.8, windowMs: 5000 });
    const starts = runFor(pacer, ['users', 'groups', 'apps', 'other'], 20_000);
    expect(maxInAnySecond(starts.map((start) => start.at))).toBeLessThanOrEqual(10);
    expect(starts.length).toBeGreaterThan(100); // the cap binds, it does not stop the pull
  });

  it('applies only the overall spacing to a bucket whose limit is known from headers', () => {
    const pacer = new GuessedRatePacer({ share: 0.8 });
    pacer.started('apps', 0);
    expect(pacer.delayFor('apps', false, 200)).toBe(0);
    expect(pacer.delayFor('apps', true, 200)).toBe(3550);
    expect(pacer.delayFor('users', false, 50)).toBe(pacer.overallIntervalMs - 50);
  });
});
