// Read-side queries over the live org model: lookups by id, group stats, a user's groups and roles, an app's users.
import type { OktaApp, OktaGroup, OktaGroupStats, OktaRoleAssignment, OktaUser } from '../../../shared/okta/types';
import { notFound } from './errors';
import type { FakeOrg } from './generateOrg';
import { compareIds } from './ids';
import { memoize } from './memo';
import type { AppUserEntry } from './presenters';
import { containsId, ensureSorted, findByKey, idOf, itself } from './sortedLists';

export const sortedUsers = (org: FakeOrg): OktaUser[] => ensureSorted(org.users, idOf);
export const sortedGroups = (org: FakeOrg): OktaGroup[] => ensureSorted(org.groups, idOf);
export const sortedApps = (org: FakeOrg): OktaApp[] => ensureSorted(org.apps, idOf);

export const findUser = (org: FakeOrg, id: string): OktaUser | undefined => findByKey(org.users, id, idOf);

/** Okta accepts a login where a user id is expected (GET /users/{idOrLogin}). */
export function requireUser(org: FakeOrg, idOrLogin: string): OktaUser {
  const user =
    findUser(org, idOrLogin) ?? org.users.find((u) => u.profile.login.toLowerCase() === idOrLogin.toLowerCase());
  if (!user) throw notFound(`${idOrLogin} (User)`);
  return user;
}

export function requireGroup(org: FakeOrg, id: string): OktaGroup {
  const group = findByKey(org.groups, id, idOf);
  if (!group) throw notFound(`${id} (UserGroup)`);
  return group;
}

export function requireApp(org: FakeOrg, id: string): OktaApp {
  const app = findByKey(org.apps, id, idOf);
  if (!app) throw notFound(`${id} (AppInstance)`);
  return app;
}

export function groupMemberIds(org: FakeOrg, groupId: string): string[] {
  const members = org.groupMembers.get(groupId);
  return members ? ensureSorted(members, itself) : [];
}

/** Groups the user is in, by id: a binary search per group, so no reverse index to keep in sync. */
export function groupsOfUser(org: FakeOrg, userId: string): OktaGroup[] {
  return sortedGroups(org).filter((group) => containsId(groupMemberIds(org, group.id), userId));
}

/** Stats for `expand=stats`; call once per request, then `statsFor` per group. */
export function groupStatsReader(org: FakeOrg): (group: OktaGroup) => OktaGroupStats {
  const appsCount = new Map<string, number>();
  for (const assignments of org.appGroupAssignments.values()) {
    for (const { groupId } of assignments) appsCount.set(groupId, (appsCount.get(groupId) ?? 0) + 1);
  }
  return (group) => ({
    usersCount: org.groupMembers.get(group.id)?.length ?? 0,
    appsCount: appsCount.get(group.id) ?? 0,
    groupPushMappingsCount: 0,
    hasAdminPrivlege: (org.groupRoleAssignments.get(group.id)?.length ?? 0) > 0,
  });
}

export interface HeldRole {
  assignment: OktaRoleAssignment;
  assignee: { kind: 'users' | 'groups'; id: string };
}

/** Direct roles, then roles inherited from groups the user is in (assignmentType GROUP, assignee = the group). */
export function rolesOfUser(org: FakeOrg, userId: string): HeldRole[] {
  const held: HeldRole[] = (org.userRoleAssignments.get(userId) ?? []).map((assignment) => ({
    assignment,
    assignee: { kind: 'users', id: userId },
  }));
  const roleGroups = [...org.groupRoleAssignments.keys()].sort(compareIds);
  for (const groupId of roleGroups) {
    if (!containsId(groupMemberIds(org, groupId), userId)) continue;
    for (const assignment of org.groupRoleAssignments.get(groupId) ?? [])
      held.push({ assignment, assignee: { kind: 'groups', id: groupId } });
  }
  return held;
}

/** Users with at least one role assigned directly, sorted by id. */
export function directRoleHolderIds(org: FakeOrg): string[] {
  return [...org.userRoleAssignments]
    .filter(([, roles]) => roles.length > 0)
    .map(([userId]) => userId)
    .sort(compareIds);
}

/**
 * Everyone the app reaches: direct assignments (scope USER, even if also reached through a group)
 * plus members of assigned groups (scope GROUP, via the highest-priority group), sorted by user id.
 * Memoized: an app assigned to Everyone in a 100k-user org would otherwise be rebuilt for every page.
 */
export function appUserEntries(org: FakeOrg, appId: string): AppUserEntry[] {
  const direct = org.directAppAssignments.get(appId) ?? [];
  const groups = org.appGroupAssignments.get(appId) ?? [];
  const deps: unknown[] = [direct, direct.length, groups, groups.length];
  for (const { groupId } of groups) {
    const members = org.groupMembers.get(groupId);
    deps.push(members, members?.length);
  }
  return memoize(org, `appUsers:${appId}`, deps, () => {
    const entries = new Map<string, AppUserEntry>();
    for (const { userId, userName } of direct) entries.set(userId, { userId, scope: 'USER', userName });
    const byPriority = [...groups].sort((a, b) => a.priority - b.priority || compareIds(a.groupId, b.groupId));
    for (const { groupId } of byPriority) {
      for (const userId of org.groupMembers.get(groupId) ?? []) {
        if (entries.has(userId)) continue;
        entries.set(userId, { userId, scope: 'GROUP', viaGroupId: groupId });
      }
    }
    return [...entries.values()].sort((a, b) => compareIds(a.userId, b.userId));
  });
}
