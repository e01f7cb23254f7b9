// Edits of a live fake org's app assignments (user and group), app status/label, and admin role assignments.
// As in Okta, assigning an app changes neither the app's nor the user's lastUpdated; lists are replaced, not edited.
import type { OktaApp, OktaRoleAssignment } from '../../../shared/okta/types';
import { STANDARD_ROLE_LABELS } from './generateRoles';
import { ID_PREFIX, compareIds } from './ids';
import { newObjectId, stampOf, type OrgMutationTarget } from './mutationSupport';
import { requireApp, requireGroup, requireUser } from './orgQueries';
import { findByKey, idOf } from './sortedLists';

/** Assigns the app to the user directly (scope USER); replaces the app username if already assigned. */
export function assignAppToUser(target: OrgMutationTarget, appId: string, userId: string, userName?: string): void {
  const app = requireApp(target.org, appId);
  const user = requireUser(target.org, userId);
  const current = target.org.directAppAssignments.get(app.id) ?? [];
  const next = current.filter((a) => a.userId !== user.id);
  next.push({ userId: user.id, userName: userName ?? user.profile.login });
  target.org.directAppAssignments.set(
    app.id,
    next.sort((a, b) => compareIds(a.userId, b.userId)),
  );
}

/** Removes the direct assignment (a user reached through a group keeps the app, as in Okta). */
export function unassignAppFromUser(target: OrgMutationTarget, appId: string, userId: string): void {
  const app = requireApp(target.org, appId);
  const current = target.org.directAppAssignments.get(app.id) ?? [];
  target.org.directAppAssignments.set(
    app.id,
    current.filter((a) => a.userId !== userId),
  );
}

/** Assigns the app to the group; `priority` defaults to after the existing group assignments. */
export function assignAppToGroup(target: OrgMutationTarget, appId: string, groupId: string, priority?: number): void {
  const app = requireApp(target.org, appId);
  const group = requireGroup(target.org, groupId);
  const current = (target.org.appGroupAssignments.get(app.id) ?? []).filter((a) => a.groupId !== group.id);
  const nextPriority = priority ?? current.reduce((max, a) => Math.max(max, a.priority + 1), 0);
  const next = [...current, { groupId: group.id, priority: nextPriority }];
  target.org.appGroupAssignments.set(
    app.id,
    next.sort((a, b) => compareIds(a.groupId, b.groupId)),
  );
}

export function unassignAppFromGroup(target: OrgMutationTarget, appId: string, groupId: string): void {
  const app = requireApp(target.org, appId);
  const current = target.org.appGroupAssignments.get(app.id) ?? [];
  target.org.appGroupAssignments.set(
    app.id,
    current.filter((a) => a.groupId !== groupId),
  );
}

/** Relabels and/or (de)activates an app; bumps its lastUpdated. */
export function updateApp(
  target: OrgMutationTarget,
  appId: string,
  patch: { label?: string; status?: 'ACTIVE' | 'INACTIVE' },
): OktaApp {
  const app = requireApp(target.org, appId);
  if (patch.label !== undefined) app.label = patch.label;
  if (patch.status !== undefined) app.status = patch.status;
  app.lastUpdated = stampOf(target);
  return app;
}

/** A standard role type ("READ_ONLY_ADMIN" ...) or a custom role bound to a resource set. */
export type RoleToAssign = string | { customRoleId: string; resourceSetId: string };

function newAssignment(
  target: OrgMutationTarget,
  role: RoleToAssign,
  assignmentType: 'USER' | 'GROUP',
): OktaRoleAssignment {
  const now = stampOf(target);
  const base = { status: 'ACTIVE' as const, created: now, lastUpdated: now, assignmentType };
  if (typeof role === 'string') {
    const prefix = assignmentType === 'USER' ? ID_PREFIX.userRoleAssignment : ID_PREFIX.groupRoleAssignment;
    return { id: newObjectId(target.org, prefix), type: role, label: STANDARD_ROLE_LABELS[role] ?? role, ...base };
  }
  const custom = findByKey(target.org.customRoles, role.customRoleId, idOf);
  if (!custom) throw new Error(`no custom role ${role.customRoleId} in the org`);
  return {
    id: newObjectId(target.org, ID_PREFIX.customRoleAssignment),
    type: 'CUSTOM',
    label: custom.label,
    role: custom.id,
    'resource-set': role.resourceSetId,
    ...base,
  };
}

function withAssignment(map: Map<string, OktaRoleAssignment[]>, key: string, assignment: OktaRoleAssignment): void {
  // Readers sort the map's keys themselves (orgQueries), so a new key may simply go at the end.
  map.set(key, [...(map.get(key) ?? []), assignment]);
}

function withoutAssignment(map: Map<string, OktaRoleAssignment[]>, key: string, assignmentId: string): void {
  const remaining = (map.get(key) ?? []).filter((a) => a.id !== assignmentId);
  if (remaining.length > 0) map.set(key, remaining);
  else map.delete(key);
}

/** Gives the user an admin role directly; returns the new assignment (its id unassigns it). */
export function assignRoleToUser(target: OrgMutationTarget, userId: string, role: RoleToAssign): OktaRoleAssignment {
  const user = requireUser(target.org, userId);
  const assignment = newAssignment(target, role, 'USER');
  withAssignment(target.org.userRoleAssignments, user.id, assignment);
  return assignment;
}

export function unassignRoleFromUser(target: OrgMutationTarget, userId: string, assignmentId: string): void {
  withoutAssignment(target.org.userRoleAssignments, requireUser(target.org, userId).id, assignmentId);
}

/** Gives the group an admin role (its members inherit it, assignmentType GROUP). */
export function assignRoleToGroup(target: OrgMutationTarget, groupId: string, role: RoleToAssign): OktaRoleAssignment {
  const group = requireGroup(target.org, groupId);
  const assignment = newAssignment(target, role, 'GROUP');
  withAssignment(target.org.groupRoleAssignments, group.id, assignment);
  return assignment;
}

export function unassignRoleFromGroup(target: OrgMutationTarget, groupId: string, assignmentId: string): void {
  withoutAssignment(target.org.groupRoleAssignments, requireGroup(target.org, groupId).id, assignmentId);
}
