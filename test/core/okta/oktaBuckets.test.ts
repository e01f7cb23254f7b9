// Which rate-limit bucket a request falls in (okta-api.md §3.2). The client and the fake server both import this one
// bucketFor, so the table below is what both of them do; the limit tables name every bucket.
import { describe, expect, it } from 'vitest';
import {
  BUCKET_NAMES,
  bucketFor,
  LOWEST_DOCUMENTED_LIMITS,
  WORKFORCE_DEFAULT_LIMITS,
  type BucketName,
} from '../../../electron/core/okta/oktaBuckets';

const CASES: [method: string, path: string, bucket: BucketName][] = [
  ['GET', '/api/v1/users', 'users'],
  ['POST', '/api/v1/users', 'users'],
  ['GET', '/api/v1/users/00u1', 'user-by-id'],
  ['get', '/api/v1/users/00u1', 'user-by-id'],
  ['GET', '/api/v1/users/someone@example.com', 'user-by-id'],
  ['POST', '/api/v1/users/00u1', 'users'],
  ['DELETE', '/api/v1/users/00u1', 'users'],
  ['GET', '/api/v1/users/00u1/factors', 'users'],
  ['GET', '/api/v1/users/00u1/roles', 'users'],
  ['GET', '/api/v1/users/00u1/groups', 'users'],
  ['GET', '/api/v1/groups', 'groups'],
  ['GET', '/api/v1/groups/00g1', 'group-by-id'],
  ['GET', '/api/v1/groups/00g1/', 'group-by-id'],
  ['GET', '/api/v1/groups/00g1/users', 'groups'],
  ['GET', '/api/v1/groups/00g1/roles', 'groups'],
  // A listing, not one group: the choice and its reasons are beside bucketFor.
  ['GET', '/api/v1/groups/rules', 'groups'],
  ['GET', '/api/v1/groups/rules/0pr1', 'groups'],
  ['GET', '/api/v1/apps', 'apps'],
  ['GET', '/api/v1/apps/0oa1', 'app-by-id'],
  ['GET', '/api/v1/apps/0oa1/users', 'apps'],
  ['GET', '/api/v1/apps/0oa1/groups', 'apps'],
  ['GET', '/api/v1/apps/0oa1/users/00u1', 'apps'],
  ['POST', '/oauth2/v1/token', 'token'],
  ['POST', '/oauth2/v1/token/', 'token'],
  ['GET', '/api/v1/iam/roles', 'other'],
  ['GET', '/api/v1/iam/assignees/users', 'other'],
  ['GET', '/api/v1/meta/types/user', 'other'],
  ['GET', '/api/v1/org', 'other'],
  ['GET', '/api/v2/users', 'other'],
  ['GET', '/.well-known/okta-organization', 'other'],
];

describe('bucketFor (okta-api.md §3.2)', () => {
  it('puts each endpoint in the bucket Okta uses', () => {
    for (const [method, path, bucket] of CASES) expect(bucketFor(method, path), `${method} ${path}`).toBe(bucket);
  });

  it('has a Workforce default and a lowest documented limit for every bucket', () => {
    expect(Object.keys(WORKFORCE_DEFAULT_LIMITS).sort()).toEqual([...BUCKET_NAMES].sort());
    expect(Object.keys(LOWEST_DOCUMENTED_LIMITS).sort()).toEqual([...BUCKET_NAMES].sort());
    for (const name of BUCKET_NAMES) {
      expect(LOWEST_DOCUMENTED_LIMITS[name], name).toBeLessThanOrEqual(WORKFORCE_DEFAULT_LIMITS[name]);
    }
  });
});
