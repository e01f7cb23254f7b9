// Okta's rate-limit buckets: which bucket a request falls in (okta-api.md §3.2) and the Workforce default limits.

export const BUCKET_NAMES = ['users', 'user-by-id', 'groups', 'group-by-id', 'apps', 'app-by-id', 'other', 'token'] as const;
export type BucketName = (typeof BUCKET_NAMES)[number];

/** Requests per minute: Okta's last published Workforce Identity table (RL-MGMT-2025). */
export const DEFAULT_BUCKET_LIMITS: Readonly<Record<BucketName, number>> = Object.freeze({
  users: 600,
  'user-by-id': 2000,
  groups: 500,
  'group-by-id': 1000,
  apps: 100,
  'app-by-id': 500,
  other: 1200,
  token: 2000,
});

/** A record with every bucket set to `value` (for counters). */
export function perBucket<T>(value: () => T): Record<BucketName, T> {
  return Object.fromEntries(BUCKET_NAMES.map((name) => [name, value()])) as Record<BucketName, T>;
}

/**
 * Exact matches win over prefixes, as in Okta: `/api/v1/apps/{id}` exactly is app-by-id, everything else under
 * /api/v1/apps (app users and groups included) is apps; likewise groups; GET `/api/v1/users/{idOrLogin}` is
 * user-by-id while other methods on it and every sub-path (factors, roles, groups) share the users bucket.
 * `/api/v1/groups/rules` looks like `/groups/{id}` to a path matcher and lands in group-by-id.
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
      return single ? 'group-by-id' : 'groups';
    case 'users':
      return single && method.toUpperCase() === 'GET' ? 'user-by-id' : 'users';
    default:
      return 'other';
  }
}
