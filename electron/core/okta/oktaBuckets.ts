// Okta's rate-limit buckets, defined once for the client (which bucket's headers a response updates) and the fake
// server (which bucket it meters and enforces): the names, which bucket a request falls in, and the documented limits.
// Source: okta-api.md §3.2 (Okta's last published table; the Terraform provider's mapping for sub-paths).

export const BUCKET_NAMES = [
  'users',
  'user-by-id',
  'groups',
  'group-by-id',
  'apps',
  'app-by-id',
  'other',
  'token',
] as const;
export type BucketName = (typeof BUCKET_NAMES)[number];

/** Requests per minute: the Workforce Identity column of Okta's last published table (RL-MGMT-2025). */
export const WORKFORCE_DEFAULT_LIMITS: Readonly<Record<BucketName, number>> = Object.freeze({
  users: 600,
  'user-by-id': 2000,
  groups: 500,
  'group-by-id': 1000,
  apps: 100,
  'app-by-id': 500,
  other: 1200,
  token: 2000,
});

/**
 * Requests per minute: the smallest column (Integrator Free Plan) of the same table — what a pull assumes when a
 * proxy strips the X-Rate-Limit-* headers (guessedRateLimits.ts).
 */
export const LOWEST_DOCUMENTED_LIMITS: Readonly<Record<BucketName, number>> = Object.freeze({
  users: 100,
  'user-by-id': 100,
  groups: 100,
  'group-by-id': 100,
  apps: 20,
  'app-by-id': 100,
  token: 300,
  other: 100,
});

/** Collection endpoints under /api/v1/groups whose name sits where a group id would (`/groups/{id}` is by-id). */
const GROUP_COLLECTIONS = new Set(['rules']);

/**
 * Exact matches win over prefixes, as in Okta: `/api/v1/apps/{id}` exactly is app-by-id, everything else under
 * /api/v1/apps (app users and groups included) is apps; likewise groups; GET `/api/v1/users/{idOrLogin}` is
 * user-by-id while other methods on it and every sub-path (factors, roles, groups) share the users bucket.
 *
 * `/api/v1/groups/rules` looks like `/groups/{id}` to a path matcher, and §3.2 says its bucket is unclear. It is
 * counted in groups: it is a listing (`listGroupRules`), not the single-entity read the by-id bucket is for (the
 * licence multiplier applies to those reads only), Okta's router takes the literal `rules` before `{id}` (the fake's
 * does too), and groups is the smaller bucket, so a wrong guess errs on the side of asking less.
 */
export function bucketFor(method: string, pathname: string): BucketName {
  if (pathname.replace(/\/+$/, '') === '/oauth2/v1/token') return 'token';
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments[0] !== 'api' || segments[1] !== 'v1') return 'other';
  const single = segments.length === 4;
  switch (segments[2]) {
    case 'apps':
      return single ? 'app-by-id' : 'apps';
    case 'groups':
      return single && !GROUP_COLLECTIONS.has(segments[3]!) ? 'group-by-id' : 'groups';
    case 'users':
      return single && method.toUpperCase() === 'GET' ? 'user-by-id' : 'users';
    default:
      return 'other';
  }
}
