// Small, consistent edits of a live fake org for incremental-pull tests: users, groups and memberships, stamped with
// the server's clock as Okta stamps them (profile/status -> lastUpdated; membership -> group.lastMembershipUpdated).
// App and role assignment edits live in mutateAssignments.ts and are re-exported here: import everything from this
// file.
// Pass the FakeOktaServer itself as the target (it has `org` and `clock`).
import type { OktaGroup, OktaUser, OktaUserProfile, UserStatus } from '../../../shared/okta/types';
import type { FakeOrg } from './generateOrg';
import { ID_PREFIX } from './ids';
import { insertSorted, newObjectId, stampOf, type OrgMutationTarget } from './mutationSupport';
import { requireGroup, requireUser } from './orgQueries';
import { findByKey, idOf, itself } from './sortedLists';

export { insertSorted, newObjectId, stampOf, type OrgMutationTarget } from './mutationSupport';
export {
  assignAppToGroup,
  assignAppToUser,
  assignRoleToGroup,
  assignRoleToUser,
  unassignAppFromGroup,
  unassignAppFromUser,
  unassignRoleFromGroup,
  unassignRoleFromUser,
  updateApp,
  type RoleToAssign,
} from './mutateAssignments';

/** Membership lists are replaced, never edited in place: derived caches key on the list's identity. */
function setMembers(target: OrgMutationTarget, group: OktaGroup, members: string[]): void {
  target.org.groupMembers.set(group.id, members);
  group.lastMembershipUpdated = stampOf(target);
}

const everyoneGroup = (org: FakeOrg): OktaGroup | undefined => org.groups.find((group) => group.type === 'BUILT_IN');

/** Adds the user to the group (no-op, and no timestamp change, when already a member). */
export function addGroupMember(target: OrgMutationTarget, groupId: string, userId: string): void {
  const group = requireGroup(target.org, groupId);
  const user = requireUser(target.org, userId);
  const members = target.org.groupMembers.get(group.id) ?? [];
  if (findByKey(members, user.id, itself)) return;
  const next = [...members];
  insertSorted(next, user.id, itself);
  setMembers(target, group, next);
}

/** Removes the user from the group (no-op when not a member). */
export function removeGroupMember(target: OrgMutationTarget, groupId: string, userId: string): void {
  const group = requireGroup(target.org, groupId);
  const members = target.org.groupMembers.get(group.id) ?? [];
  if (!members.includes(userId)) return;
  setMembers(
    target,
    group,
    members.filter((id) => id !== userId),
  );
}

export interface NewUser {
  profile: OktaUserProfile;
  /** Default ACTIVE (created and activated now). */
  status?: UserStatus;
  id?: string;
}

/** Creates a user and, as Okta does, puts them in the Everyone group. */
export function addUser(target: OrgMutationTarget, input: NewUser): OktaUser {
  const org = target.org;
  const now = stampOf(target);
  const status = input.status ?? 'ACTIVE';
  const neverActivated = status === 'STAGED' || status === 'PROVISIONED';
  const user: OktaUser = {
    id: input.id ?? newObjectId(org, ID_PREFIX.user),
    status,
    created: now,
    activated: neverActivated ? null : now,
    statusChanged: status === 'ACTIVE' || status === 'STAGED' ? null : now,
    lastLogin: null,
    lastUpdated: now,
    passwordChanged: null,
    type: { id: org.users[0]?.type.id ?? 'otyMut000000000000m0' },
    profile: { email: input.profile.login, ...input.profile },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
  };
  if (findByKey(org.users, user.id, idOf)) throw new Error(`a user with id ${user.id} already exists`);
  insertSorted(org.users, user, idOf);
  const everyone = everyoneGroup(org);
  if (everyone && status !== 'DEPROVISIONED') addGroupMember(target, everyone.id, user.id);
  return user;
}

export interface UserPatch {
  /** Merged into the profile; a key set to undefined is removed. */
  profile?: Partial<OktaUserProfile>;
  /** DEPROVISIONED goes through deprovisionUser. */
  status?: UserStatus;
}

/** Changes profile and/or status; bumps lastUpdated (and statusChanged/activated on a status change). */
export function updateUser(target: OrgMutationTarget, userId: string, patch: UserPatch): OktaUser {
  const user = requireUser(target.org, userId);
  if (patch.status === 'DEPROVISIONED' && user.status !== 'DEPROVISIONED') deprovisionUser(target, user.id);
  const now = stampOf(target);
  if (patch.profile) {
    const profile: Record<string, unknown> = { ...user.profile, ...patch.profile };
    for (const [key, value] of Object.entries(patch.profile)) if (value === undefined) delete profile[key];
    user.profile = profile as OktaUserProfile;
  }
  if (patch.status && patch.status !== user.status) {
    if (user.status === 'DEPROVISIONED') {
      const everyone = everyoneGroup(target.org);
      if (everyone) addGroupMember(target, everyone.id, user.id); // reactivated users rejoin Everyone
    }
    user.status = patch.status;
    user.statusChanged = now;
    if (patch.status === 'ACTIVE' && user.activated === null) user.activated = now;
  }
  user.lastUpdated = now;
  return user;
}

/**
 * Deactivates the user as Okta does: status DEPROVISIONED, out of every group (each group's
 * lastMembershipUpdated moves), direct app assignments and directly assigned admin roles removed.
 */
export function deprovisionUser(target: OrgMutationTarget, userId: string): OktaUser {
  const org = target.org;
  const user = requireUser(org, userId);
  const now = stampOf(target);
  for (const [groupId, members] of org.groupMembers)
    if (members.includes(user.id)) removeGroupMember(target, groupId, user.id);
  for (const [appId, assignments] of org.directAppAssignments) {
    if (assignments.some((a) => a.userId === user.id))
      org.directAppAssignments.set(
        appId,
        assignments.filter((a) => a.userId !== user.id),
      );
  }
  org.userRoleAssignments.delete(user.id);
  if (user.status !== 'DEPROVISIONED') {
    user.status = 'DEPROVISIONED';
    user.statusChanged = now;
  }
  user.lastUpdated = now;
  return user;
}

/** Deletes the user outright (deprovisioning first), factors included. */
export function deleteUser(target: OrgMutationTarget, userId: string): void {
  const user = deprovisionUser(target, userId);
  target.org.factors.delete(user.id);
  target.org.users.splice(target.org.users.indexOf(user), 1);
}

/** Creates an OKTA_GROUP with no members. */
export function addGroup(
  target: OrgMutationTarget,
  input: { name: string; description?: string; id?: string },
): OktaGroup {
  const now = stampOf(target);
  const group: OktaGroup = {
    id: input.id ?? newObjectId(target.org, ID_PREFIX.group),
    type: 'OKTA_GROUP',
    created: now,
    lastUpdated: now,
    lastMembershipUpdated: now,
    objectClass: ['okta:user_group'],
    profile: { name: input.name, ...(input.description !== undefined && { description: input.description }) },
  };
  if (findByKey(target.org.groups, group.id, idOf)) throw new Error(`a group with id ${group.id} already exists`);
  insertSorted(target.org.groups, group, idOf);
  target.org.groupMembers.set(group.id, []);
  return group;
}

/** Renames / re-describes a group; bumps lastUpdated (not lastMembershipUpdated). */
export function updateGroup(
  target: OrgMutationTarget,
  groupId: string,
  patch: { name?: string; description?: string },
): OktaGroup {
  const group = requireGroup(target.org, groupId);
  group.profile = { ...group.profile, ...patch };
  group.lastUpdated = stampOf(target);
  return group;
}

/** Deletes a group with its memberships, app assignments and group role assignments. */
export function deleteGroup(target: OrgMutationTarget, groupId: string): void {
  const org = target.org;
  const group = requireGroup(org, groupId);
  org.groupMembers.delete(group.id);
  org.groupRoleAssignments.delete(group.id);
  for (const [appId, assignments] of org.appGroupAssignments) {
    if (assignments.some((a) => a.groupId === group.id))
      org.appGroupAssignments.set(
        appId,
        assignments.filter((a) => a.groupId !== group.id),
      );
  }
  org.groups.splice(org.groups.indexOf(group), 1);
}
