// Counters the fake server keeps for tests and benchmarks: requests and 429s per bucket, in-flight peak,
// the busiest window per bucket, injected faults and token requests. Served by stats() and GET /__fake/stats.
import { FAULT_KINDS, type FaultKind } from './faultPlan';
import { BUCKET_NAMES, type BucketName } from '../okta/oktaBuckets';

/** A record with every bucket set to `value` (for counters). */
function perBucket<T>(value: () => T): Record<BucketName, T> {
  return Object.fromEntries(BUCKET_NAMES.map((name) => [name, value()])) as Record<BucketName, T>;
}

export interface FakeOktaStats {
  /** Requests that reached the pipeline (the /__fake/* endpoints are not counted). */
  requests: number;
  requestsByBucket: Record<BucketName, number>;
  /** 429s answered, per bucket, split by cause: the bucket's window was used up, or too many requests in flight. */
  rateLimited: { bucket: Record<BucketName, number>; concurrency: Record<BucketName, number> };
  /** Highest number of requests in flight at once (counted on arrival, rejected ones included). */
  maxInFlight: number;
  /** Most requests that arrived within any 1000 ms (all buckets together, sliding, by the server clock). */
  maxPerSecond: number;
  /** Most requests admitted in any single window of each bucket (compare with the effective limit). */
  maxPerWindow: Record<BucketName, number>;
  faults: Record<FaultKind, number>;
  tokenRequests: { total: number; issued: number; nonceChallenges: number; rejected: number };
  /** Responses per HTTP status ("200", "429" ...); faults that never answer (reset) are not here. */
  statuses: Record<string, number>;
}

export class StatsRecorder {
  private stats: FakeOktaStats = StatsRecorder.empty();
  /** Arrival times of the last second, oldest first. */
  private recentArrivals: number[] = [];

  static empty(): FakeOktaStats {
    return {
      requests: 0,
      requestsByBucket: perBucket(() => 0),
      rateLimited: { bucket: perBucket(() => 0), concurrency: perBucket(() => 0) },
      maxInFlight: 0,
      maxPerSecond: 0,
      maxPerWindow: perBucket(() => 0),
      faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>,
      tokenRequests: { total: 0, issued: 0, nonceChallenges: 0, rejected: 0 },
      statuses: {},
    };
  }

  request(bucket: BucketName): void {
    this.stats.requests++;
    this.stats.requestsByBucket[bucket]++;
  }

  arrival(nowMs: number): void {
    this.recentArrivals.push(nowMs);
    while (this.recentArrivals.length > 0 && this.recentArrivals[0]! <= nowMs - 1000) this.recentArrivals.shift();
    this.stats.maxPerSecond = Math.max(this.stats.maxPerSecond, this.recentArrivals.length);
  }

  inFlight(current: number): void {
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, current);
  }

  rateLimited(bucket: BucketName, cause: 'bucket' | 'concurrency'): void {
    this.stats.rateLimited[cause][bucket]++;
  }

  windowUse(bucket: BucketName, usedInWindow: number): void {
    this.stats.maxPerWindow[bucket] = Math.max(this.stats.maxPerWindow[bucket], usedInWindow);
  }

  fault(kind: FaultKind): void {
    this.stats.faults[kind]++;
  }

  tokenRequest(outcome: 'issued' | 'nonceChallenge' | 'rejected'): void {
    const counts = this.stats.tokenRequests;
    counts.total++;
    if (outcome === 'issued') counts.issued++;
    else if (outcome === 'nonceChallenge') counts.nonceChallenges++;
    else counts.rejected++;
  }

  status(status: number): void {
    this.stats.statuses[status] = (this.stats.statuses[status] ?? 0) + 1;
  }

  /** A deep copy: later requests do not change it. */
  snapshot(): FakeOktaStats {
    return structuredClone(this.stats);
  }

  /** Zeroes every counter; the rate-limit windows themselves (what enforcement uses) are left as they are. */
  reset(): void {
    this.stats = StatsRecorder.empty();
    this.recentArrivals = [];
  }
}
