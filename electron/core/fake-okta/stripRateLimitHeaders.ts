// Pipeline stage (option stripRateLimitHeaders): acts out a proxy or gateway in front of Okta that drops every
// X-Rate-Limit-* header. Windows are still enforced behind it; a 429 then says only Retry-After (whole seconds).
import type { FakeServerClock } from './fakeClock';
import type { Stage } from './pipeline';

const RATE_LIMIT_HEADER = /^x-rate-limit-/i;

export function stripRateLimitHeaders(clock: FakeServerClock): Stage {
  return async (_request, next) => {
    const response = await next();
    const reset = Number(response.headers['X-Rate-Limit-Reset']);
    for (const name of Object.keys(response.headers)) if (RATE_LIMIT_HEADER.test(name)) delete response.headers[name];
    if (response.status === 429) {
      // What a gateway would say: the seconds until the window resets (at least 1), from the reset it just removed.
      const seconds = Number.isFinite(reset) ? Math.max(1, Math.ceil(reset - clock.now() / 1000)) : 1;
      response.headers['Retry-After'] = String(seconds);
    }
    return response;
  };
}
