// Which per-group listings (members, roles) a groups page schedules. Stats (`expand=stats`) let a pull skip empty
// groups and groups without a role, but only when they are there and say so: a group whose stats are absent or
// malformed is listed, and `readEveryGroup` lists every group whatever its stats say (stats can be wrong).
import type { OktaGroup } from '../../../shared/okta/types';

export interface GroupListingPolicy {
  /** Member and role listings for every group, not trusting stats at all. */
  readEveryGroup: boolean;
}

const statsOf = (group: OktaGroup): Record<string, unknown> | undefined => {
  const stats: unknown = group._embedded?.stats;
  return stats && typeof stats === 'object' ? (stats as Record<string, unknown>) : undefined;
};

/** usersCount, when stats carry a usable one (a finite number); undefined when absent or malformed. */
export function statedUsersCount(group: OktaGroup): number | undefined {
  const count = statsOf(group)?.usersCount;
  return typeof count === 'number' && Number.isFinite(count) ? count : undefined;
}

/** hasAdminPrivlege (sic), when stats carry a boolean; undefined when absent or malformed. */
export function statedAdminPrivilege(group: OktaGroup): boolean | undefined {
  const flag = statsOf(group)?.hasAdminPrivlege;
  return typeof flag === 'boolean' ? flag : undefined;
}

export function needsMemberListing(group: OktaGroup, policy: GroupListingPolicy): boolean {
  if (policy.readEveryGroup) return true;
  const count = statedUsersCount(group);
  return count === undefined || count > 0;
}

export function needsRoleListing(group: OktaGroup, policy: GroupListingPolicy): boolean {
  if (policy.readEveryGroup) return true;
  return statedAdminPrivilege(group) ?? true;
}
