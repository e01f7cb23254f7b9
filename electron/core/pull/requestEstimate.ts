// How many requests a legitimate pull needs, from Okta's own counts: the Everyone group's usersCount read once at the
// start, then raised by every listing the groups, apps and role-assignee listings reveal (themselves loop-guarded).
// It feeds the request cap (requestCap.ts), so it errs high: a cap that pauses a legitimate pull is a bug too.
import type { OktaGroup } from '../../../shared/okta/types';
import type { OktaClient } from '../okta/oktaClient';
import type { ScheduledTask } from '../store/snapshotWriter';

/** Without a readable Everyone group the org's size is unknown: assume a large one rather than pause a real pull. */
const USERS_WHEN_UNKNOWN = 100_000;
const PAGE = { users: 200, members: 1000, appUsers: 500 };
/** Deprovisioned users, custom roles, role assignees, groups and apps: at least one page each. */
const FIXED_LISTINGS = 5;

const DEPROVISIONED_PAGE_ALLOWANCE = 0.25;

const EVERYONE_URL = `/api/v1/groups?limit=200&expand=stats&filter=${encodeURIComponent('type eq "BUILT_IN"')}`;

/** The Everyone group's member count (one cheap request); undefined when it cannot be read. */
export async function readOrgUserCount(client: OktaClient, signal?: AbortSignal): Promise<number | undefined> {
  try {
    const page = await client.getPage<OktaGroup>(EVERYONE_URL, 'groups', { kind: 'array' }, signal);
    const counts = page.items
      .map((group) => group._embedded?.stats?.usersCount)
      .filter((count): count is number => typeof count === 'number');
    return counts.length > 0 ? Math.max(...counts) : undefined;
  } catch {
    if (signal?.aborted) throw signal.reason;
    return undefined; // the listings themselves will meet (and report) whatever went wrong
  }
}

/** Requests before any group or app is known: user pages, one page per fixed listing, and one per user for factors. */
export function initialEstimate(userCount: number | undefined, includeFactors: boolean): number {
  const users = userCount ?? USERS_WHEN_UNKNOWN;
  // Direct app assignments are not counted anywhere in advance: allow one page of them per 500 users.
  return (
    Math.ceil(users / PAGE.users) + FIXED_LISTINGS + Math.ceil(users / PAGE.appUsers) + (includeFactors ? users : 0)
  );
}

/**
 * What a page of the groups, apps or role-assignee listing adds: one request per listing it schedules, more pages
 * for big groups, and the app-assignment pages a group's users bring to each app it is assigned to. Deprovisioned
 * users are not in the Everyone count and nothing else counts them: each of their pages that has a next adds a
 * quarter of a request. A whole request would raise the cap by 3 for each 1 spent, so an endless listing of new
 * deprovisioned users would never reach it; a quarter raises it by 0.75, so such a listing is paused, while a real
 * one still fits (it may run to about 8 × the rest of the estimate + 400 pages, 80,000 users per 10 of estimate).
 */
export function estimateRaise(
  kindName: string,
  page: { items: readonly unknown[]; nextUrl?: string },
  followUps: readonly ScheduledTask[],
): number {
  let requests = followUps.length;
  if (kindName === 'users-deprovisioned' && page.nextUrl !== undefined) requests += DEPROVISIONED_PAGE_ALLOWANCE;
  if (kindName !== 'groups') return requests;
  for (const group of page.items as OktaGroup[]) {
    const stats = group._embedded?.stats;
    if (!stats) continue;
    requests += Math.max(0, Math.ceil(stats.usersCount / PAGE.members) - 1);
    requests += (stats.usersCount * stats.appsCount) / PAGE.appUsers;
  }
  return requests;
}
