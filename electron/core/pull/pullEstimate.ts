// Estimates a full pull's requests and time from the org's counts and the rate-limit buckets the headers reported.
import type { OktaGroup } from '../../../shared/okta/types';
import type { BucketSnapshot } from '../okta/rateLimitGovernor';
import { needsMemberListing, needsRoleListing, statedUsersCount, type GroupListingPolicy } from './groupListings';

/** Okta's Workforce defaults per minute at the 50% per-token cap, used when a bucket has not been seen yet. */
const FALLBACK_LIMITS: Record<string, number> = { users: 300, groups: 250, apps: 50, other: 600 };
const PAGE = { users: 200, groups: 200, members: 1000, apps: 200 };

interface Estimate {
  requests: number;
  seconds: number;
}

const pages = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

/**
 * Member and role listings the groups need under `policy` (a group without usable stats is listed, one page assumed).
 */
function groupListingRequests(groups: OktaGroup[], policy: GroupListingPolicy): number {
  return groups.reduce(
    (sum, group) =>
      sum +
      (needsMemberListing(group, policy) ? pages(statedUsersCount(group) ?? 1, PAGE.members) : 0) +
      (needsRoleListing(group, policy) ? 1 : 0),
    0,
  );
}

export function estimatePull(input: {
  users: number;
  groups: OktaGroup[];
  apps: number;
  buckets: BucketSnapshot[];
  share: number;
}): Estimate & { withFactors: Estimate; readingEveryGroup: Estimate } {
  const perBucket = {
    users: pages(input.users, PAGE.users) + 1,
    groups: pages(input.groups.length, PAGE.groups) + groupListingRequests(input.groups, { readEveryGroup: false }),
    apps: pages(input.apps, PAGE.apps) + 2 * input.apps,
    // Custom roles, role assignees and one role listing per admin (about 1% of users as a guess).
    other: 2 + Math.ceil(input.users * 0.01),
  };
  const limitOf = (bucket: string) =>
    input.buckets.find((b) => b.bucket === bucket)?.limit ?? FALLBACK_LIMITS[bucket] ?? 600;
  const estimate = (buckets: Record<string, number>): Estimate => {
    // Buckets are pulled in parallel: the slowest one sets the time.
    const minutes = Math.max(
      ...Object.entries(buckets).map(([bucket, requests]) => requests / Math.max(1, limitOf(bucket) * input.share)),
    );
    return { requests: Object.values(buckets).reduce((a, b) => a + b, 0), seconds: Math.ceil(minutes * 60) };
  };
  const everyGroup =
    pages(input.groups.length, PAGE.groups) + groupListingRequests(input.groups, { readEveryGroup: true });
  return {
    ...estimate(perBucket),
    withFactors: estimate({ ...perBucket, users: perBucket.users + input.users }),
    readingEveryGroup: estimate({ ...perBucket, groups: everyGroup }),
  };
}
