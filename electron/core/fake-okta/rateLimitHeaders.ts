// Pipeline stage: stamps X-Rate-Limit-* headers for the bucket a request falls in (no limit is enforced yet).
import type { Stage } from './pipeline';

export interface RateLimitBucket {
  name: string;
  /** Requests per minute, Okta's last published Workforce defaults (okta-api.md §3.2). */
  limit: number;
}

const ID = '[^/]+';
const BUCKETS: readonly { pattern: RegExp; bucket: RateLimitBucket }[] = [
  { pattern: new RegExp(`^/api/v1/apps/${ID}$`), bucket: { name: 'app', limit: 500 } },
  { pattern: /^\/api\/v1\/apps(\/|$)/, bucket: { name: 'apps', limit: 100 } },
  { pattern: new RegExp(`^/api/v1/groups/${ID}$`), bucket: { name: 'group', limit: 1000 } },
  { pattern: /^\/api\/v1\/groups(\/|$)/, bucket: { name: 'groups', limit: 500 } },
  { pattern: new RegExp(`^/api/v1/users/${ID}$`), bucket: { name: 'user', limit: 2000 } },
  { pattern: /^\/api\/v1\/users(\/|$)/, bucket: { name: 'users', limit: 600 } },
];
const OTHER: RateLimitBucket = { name: 'other', limit: 1200 };

export function rateLimitBucketFor(path: string): RateLimitBucket {
  return BUCKETS.find((entry) => entry.pattern.test(path))?.bucket ?? OTHER;
}

const WINDOW_SECONDS = 60;

/** Sent on every response, errors included, as Okta does. `nowMs` is injectable for a later enforcing stage. */
export function rateLimitHeaders(nowMs: () => number = Date.now): Stage {
  return async (request, next) => {
    const response = await next();
    const bucket = rateLimitBucketFor(request.url.pathname);
    response.headers['X-Rate-Limit-Limit'] = String(bucket.limit);
    response.headers['X-Rate-Limit-Remaining'] = String(bucket.limit - 1);
    response.headers['X-Rate-Limit-Reset'] = String(Math.ceil(nowMs() / 1000) + WINDOW_SECONDS);
    return response;
  };
}
