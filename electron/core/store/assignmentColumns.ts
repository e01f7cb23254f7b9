// The stated fallbacks (fallbackRules.ts) for what hangs off users, groups and apps: app assignments, admin roles
// and factors. Each item becomes the typed columns of its row, or is skipped with a warning; nothing here throws.
import {
  FALLBACKS,
  asObject,
  enumText,
  identified,
  needText,
  optionalNumber,
  optionalText,
  presentText,
} from './fallbackRules';
import type { OddValueReport } from './oddValueReport';

export interface AppUserColumns {
  userId: string;
  scope: string;
  status: string | null;
  userName: string | null;
}

export function appUserColumns(item: unknown, appId: string, report: OddValueReport): AppUserColumns | undefined {
  const found = identified(item, 'app users', report);
  if (!found) return undefined;
  const { object: appUser, id } = found;
  const where = `the assignment of app ${appId} to user ${id}`;
  return {
    userId: id,
    scope: enumText(report, 'app user scope', FALLBACKS.appUserScope, where, appUser.scope, 'USER'),
    status: optionalText(appUser.status),
    userName: optionalText(asObject(appUser.credentials)?.userName),
  };
}

export function appGroupColumns(
  item: unknown,
  report: OddValueReport,
): { groupId: string; priority: number | null } | undefined {
  const found = identified(item, 'app groups', report);
  return found && { groupId: found.id, priority: optionalNumber(found.object.priority) };
}

export function customRoleColumns(
  item: unknown,
  report: OddValueReport,
): { roleId: string; label: string; description: string | null } | undefined {
  const found = identified(item, 'custom roles', report);
  if (!found) return undefined;
  const { object: role, id } = found;
  return {
    roleId: id,
    label: needText(report, FALLBACKS.customRoleLabel, `custom role ${id}`, role.label, id),
    description: optionalText(role.description),
  };
}

export interface RoleAssignmentColumns {
  assignmentId: string;
  roleKey: string;
  roleType: string;
  label: string;
  isCustom: boolean;
  status: string | null;
  /** False for a role a user holds only through a group (the group's own listing records it). */
  heldByPrincipal: boolean;
}

export function roleAssignmentColumns(
  item: unknown,
  principal: { type: 'user' | 'group'; id: string },
  report: OddValueReport,
): RoleAssignmentColumns | undefined {
  const assignment = asObject(item);
  if (!assignment)
    return void report.skipped('role assignments', `that is not an object (${item === null ? 'null' : typeof item})`);
  const where = `a role assignment of ${principal.type} ${principal.id}`;
  const customRoleId = presentText(assignment.role);
  const listedType = presentText(assignment.type);
  if (listedType === undefined && customRoleId === undefined)
    return void report.skipped('role assignments', 'without a role type or custom role id');
  const roleType = enumText(report, 'role type', FALLBACKS.roleType, where, listedType, 'CUSTOM');
  const roleKey = roleType === 'CUSTOM' && customRoleId !== undefined ? customRoleId : roleType;
  return {
    assignmentId: needText(report, FALLBACKS.roleAssignmentId, where, assignment.id, roleKey),
    roleKey,
    roleType,
    label: needText(report, FALLBACKS.roleLabel, where, assignment.label, roleKey),
    isCustom: roleType === 'CUSTOM',
    status: optionalText(assignment.status),
    heldByPrincipal: principal.type === 'group' || heldByUser(assignment.assignmentType, where, report),
  };
}

/** /users/{id}/roles also lists roles the user holds through a group: only assignmentType USER is the user's own. */
function heldByUser(assignmentType: unknown, where: string, report: OddValueReport): boolean {
  const listed = presentText(assignmentType);
  if (listed === undefined) {
    report.fallback(FALLBACKS.roleAssignmentType, where);
    return true;
  }
  report.value('role assignmentType', listed, where);
  return listed === 'USER';
}

export interface FactorColumns {
  id: string;
  factorType: string;
  provider: string | null;
  status: string | null;
}

export function factorColumns(item: unknown, userId: string, report: OddValueReport): FactorColumns | undefined {
  const found = identified(item, 'factors', report);
  if (!found) return undefined;
  const { object: factor, id } = found;
  const where = `factor ${id} of user ${userId}`;
  const provider = presentText(factor.provider);
  const status = presentText(factor.status);
  if (provider !== undefined) report.value('factor provider', provider, where);
  if (status !== undefined) report.value('factor status', status, where);
  return {
    id,
    factorType: enumText(report, 'factor type', FALLBACKS.factorType, where, factor.factorType, 'unknown'),
    provider: provider ?? null,
    status: status ?? null,
  };
}
