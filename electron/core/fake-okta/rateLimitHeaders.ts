// Pipeline stage: meters every request against its bucket and stamps X-Rate-Limit-* on every answer, errors included.
// With `rateLimits` given it also refuses: 429 E0000047 when the bucket's window is used up, or (limit/remaining 0)
// when too many requests are in flight. Without it, the original headers-only behaviour (a fresh window every time).
import { errorBody, tooManyRequests } from './errors';
import type { FakeServerClock } from './fakeClock';
import type { FakeResponse, Stage } from './pipeline';
import { bucketFor } from '../okta/oktaBuckets';
import type { RateLimitSettings, RateLimitWindows } from './rateLimitWindows';
import type { StatsRecorder } from './serverStats';

export interface RateLimitContext {
  settings: RateLimitSettings;
  windows: RateLimitWindows;
  stats: StatsRecorder;
  clock: FakeServerClock;
  /** Requests in flight right now, this one included. */
  inFlight: () => number;
}

/** Without enforcement the headers promise a whole fresh minute, as before. */
const LEGACY_WINDOW_SECONDS = 60;

function limitHeaders(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    'X-Rate-Limit-Limit': String(limit),
    'X-Rate-Limit-Remaining': String(remaining),
    'X-Rate-Limit-Reset': String(resetSeconds),
  };
}

function refuse(headers: Record<string, string>): FakeResponse {
  return { status: 429, body: errorBody(tooManyRequests()), headers };
}

export function rateLimitHeaders(context: RateLimitContext): Stage {
  const { settings, windows, stats, clock } = context;
  return async (request, next) => {
    const bucket = bucketFor(request.method, request.url.pathname);
    stats.request(bucket);
    const nowMs = clock.now();
    if (settings.enforce && context.inFlight() > settings.concurrency) {
      // Okta: both counters 0 and the reset only an estimate (here: the next whole second after the next one).
      stats.rateLimited(bucket, 'concurrency');
      return refuse(limitHeaders(0, 0, Math.ceil(nowMs / 1000) + 1));
    }
    const verdict = windows.take(bucket, nowMs);
    stats.windowUse(bucket, verdict.used);
    const headers = settings.enforce
      ? limitHeaders(verdict.limit, verdict.remaining, verdict.resetSeconds)
      : limitHeaders(verdict.limit, verdict.limit - 1, Math.ceil(nowMs / 1000) + LEGACY_WINDOW_SECONDS);
    if (!verdict.allowed) {
      stats.rateLimited(bucket, 'bucket');
      return refuse(headers);
    }
    const response = await next();
    Object.assign(response.headers, headers);
    return response;
  };
}
