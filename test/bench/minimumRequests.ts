// The fewest requests a complete pull of a fake org needs (maximum page sizes, Okta's paging), per bucket —
// computed from the org model itself, independently of the puller, as the benchmark's reference.
import type { FakeOrg } from '../../electron/core/fake-okta/generateOrg';

const pages = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

export function minimumRequests(org: FakeOrg): {
  users: number;
  groups: number;
  apps: number;
  other: number;
  total: number;
} {
  const deprovisioned = org.users.filter((user) => user.status === 'DEPROVISIONED').length;
  const users = pages(org.users.length - deprovisioned, 200) + pages(deprovisioned, 200);
  const memberListings = [...org.groups].reduce((sum, group) => {
    const members = org.groupMembers.get(group.id)?.length ?? 0;
    return sum + (members > 0 ? pages(members, 1000) : 0);
  }, 0);
  const adminGroups = [...org.groupRoleAssignments.values()].filter((roles) => roles.length > 0).length;
  const groups = pages(org.groups.length, 200) + memberListings + adminGroups;
  let apps = pages(org.apps.length, 200);
  for (const app of org.apps) {
    const holders = new Set((org.directAppAssignments.get(app.id) ?? []).map((a) => a.userId));
    for (const { groupId } of org.appGroupAssignments.get(app.id) ?? [])
      for (const userId of org.groupMembers.get(groupId) ?? []) holders.add(userId);
    apps += pages(holders.size, 500) + pages((org.appGroupAssignments.get(app.id) ?? []).length, 200);
  }
  const directHolders = [...org.userRoleAssignments.values()].filter((roles) => roles.length > 0).length;
  // Custom roles and role assignees (pages of 100); one role listing per user holding a role directly.
  const other = pages(org.customRoles.length, 100) + pages(directHolders, 100);
  const userRoles = directHolders; // /users/{id}/roles is in the users bucket
  return { users: users + userRoles, groups, apps, other, total: users + userRoles + groups + apps + other };
}
