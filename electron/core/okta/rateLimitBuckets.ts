// Which Okta rate-limit bucket a request falls into (okta-api.md §3.2; Okta's Terraform provider mapping).
// The table only names buckets; their limits are learned from each response's X-Rate-Limit-* headers.

export type BucketName = 'users' | 'user-by-id' | 'groups' | 'group-by-id' | 'apps' | 'app-by-id' | 'token' | 'other';

export function bucketFor(method: string, pathname: string): BucketName {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/oauth2/v1/token') return 'token';
  const segments = path.split('/').slice(1); // ['api','v1','users',...]
  if (segments[0] !== 'api' || segments[1] !== 'v1') return 'other';
  const [family, id, sub] = [segments[2], segments[3], segments[4]];
  if (family === 'apps') return id !== undefined && sub === undefined ? 'app-by-id' : 'apps';
  if (family === 'groups') {
    if (id === 'rules') return 'groups';
    return id !== undefined && sub === undefined ? 'group-by-id' : 'groups';
  }
  if (family === 'users') {
    if (id !== undefined && sub === undefined) return method === 'GET' ? 'user-by-id' : 'users';
    return 'users';
  }
  return 'other';
}
