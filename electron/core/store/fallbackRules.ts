// The stated fallbacks for fields the snapshot needs but Okta's JSON does not always carry (README "Odd values"):
// each Okta item becomes the typed columns of its row, or is skipped (not an object, no usable id). Nothing here
// throws on odd JSON, so a missing or strangely typed field never ends a pull with a raw database error.
import { userDisplayName } from '../../../shared/okta/displayNames';
import type { EnumeratedField } from '../../../shared/okta/knownValues';
import type { OddValueReport, FallbackRule } from './oddValueReport';

type Loose = Record<string, unknown>;

export function asObject(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

/** A value usable as required text: a non-blank string, or a finite number written as text. */
export function presentText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** An optional text column: strings as they came, anything else (absent, number, object) is NULL. */
export function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function optionalNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export const FALLBACKS = {
  userLogin: { field: 'user profile.login', instead: 'the email, else the user id' },
  userStatus: { field: 'user status', instead: '"UNKNOWN"' },
  groupName: { field: 'group profile.name', instead: '"(unnamed group <id>)"' },
  groupType: { field: 'group type', instead: '"UNKNOWN"' },
  appName: { field: 'app name', instead: 'the label, else the app id' },
  appLabel: { field: 'app label', instead: 'the name, else the app id' },
  appStatus: { field: 'app status', instead: '"UNKNOWN"' },
  appUserScope: {
    field: 'app user scope',
    instead: '"USER" (shown as a direct assignment, so the access is not lost)',
  },
  customRoleLabel: { field: 'custom role label', instead: 'the role id' },
  roleType: { field: 'role assignment type', instead: '"CUSTOM", as it names a custom role' },
  roleLabel: { field: 'role assignment label', instead: 'the role type (the custom role id for a custom role)' },
  roleAssignmentId: { field: 'role assignment id', instead: 'the role key' },
  roleAssignmentType: {
    field: 'role assignment assignmentType',
    instead: 'held by the user or group it was listed for',
  },
  factorType: { field: 'factor factorType', instead: '"unknown"' },
} as const satisfies Record<string, FallbackRule>;

/**
 * The first usable text: `value`, else (said as a fallback) the first usable of `fallbacks`, the last always usable.
 */
export function needText(
  report: OddValueReport,
  rule: FallbackRule,
  where: string,
  value: unknown,
  ...fallbacks: [...unknown[], string]
): string {
  const present = presentText(value);
  if (present !== undefined) return present;
  report.fallback(rule, where);
  for (const candidate of fallbacks) {
    const text = presentText(candidate);
    if (text !== undefined) return text;
  }
  return fallbacks[fallbacks.length - 1] as string;
}

/** An enumerated value: kept as it came (said once when Okta documents no such value), else the stated fallback. */
export function enumText(
  report: OddValueReport,
  field: EnumeratedField,
  rule: FallbackRule,
  where: string,
  value: unknown,
  fallback: string,
): string {
  const present = presentText(value);
  if (present === undefined) return needText(report, rule, where, value, fallback);
  report.value(field, present, where);
  return present;
}

/** An object with a usable id: only these can schedule follow-up listings (the writer says what it skipped). */
export function hasUsableId(item: unknown): item is { id: string | number } {
  return presentText(asObject(item)?.id) !== undefined;
}

/** The item as an object with a usable id, or undefined after saying it was skipped. */
export function identified(
  item: unknown,
  listing: string,
  report: OddValueReport,
): { object: Loose; id: string } | undefined {
  const object = asObject(item);
  if (!object) {
    report.skipped(listing, `that is not an object (${item === null ? 'null' : typeof item})`);
    return undefined;
  }
  const id = presentText(object.id);
  if (id === undefined) {
    report.skipped(listing, 'without a usable id');
    return undefined;
  }
  return { object, id };
}

export interface UserColumns {
  id: string;
  status: string;
  login: string;
  email: string | null;
  name: string;
  firstName: string | null;
  lastName: string | null;
  created: string | null;
  lastUpdated: string | null;
  lastLogin: string | null;
}

export function userColumns(item: unknown, listing: string, report: OddValueReport): UserColumns | undefined {
  const found = identified(item, listing, report);
  if (!found) return undefined;
  const { object: user, id } = found;
  const where = `user ${id}`;
  const profile = asObject(user.profile) ?? {};
  const login = needText(report, FALLBACKS.userLogin, where, profile.login, profile.email, id);
  const status = enumText(report, 'user status', FALLBACKS.userStatus, where, user.status, 'UNKNOWN');
  return {
    id,
    status,
    login,
    email: optionalText(profile.email),
    name: userDisplayName({
      profile: {
        displayName: optionalText(profile.displayName),
        firstName: optionalText(profile.firstName),
        lastName: optionalText(profile.lastName),
        login,
      },
    }),
    firstName: optionalText(profile.firstName),
    lastName: optionalText(profile.lastName),
    created: optionalText(user.created),
    lastUpdated: optionalText(user.lastUpdated),
    lastLogin: optionalText(user.lastLogin),
  };
}

export interface GroupColumns {
  id: string;
  type: string;
  name: string;
  description: string | null;
  created: string | null;
  lastUpdated: string | null;
  lastMembershipUpdated: string | null;
  usersCount: number | null;
  appsCount: number | null;
  hasAdminPrivilege: boolean;
}

export function groupColumns(item: unknown, report: OddValueReport): GroupColumns | undefined {
  const found = identified(item, 'groups', report);
  if (!found) return undefined;
  const { object: group, id } = found;
  const where = `group ${id}`;
  const profile = asObject(group.profile) ?? {};
  const stats = asObject(asObject(group._embedded)?.stats);
  return {
    id,
    type: enumText(report, 'group type', FALLBACKS.groupType, where, group.type, 'UNKNOWN'),
    name: needText(report, FALLBACKS.groupName, where, profile.name, `(unnamed group ${id})`),
    description: optionalText(profile.description),
    created: optionalText(group.created),
    lastUpdated: optionalText(group.lastUpdated),
    lastMembershipUpdated: optionalText(group.lastMembershipUpdated),
    usersCount: optionalNumber(stats?.usersCount),
    appsCount: optionalNumber(stats?.appsCount),
    hasAdminPrivilege: stats?.hasAdminPrivlege === true, // sic: Okta's spelling
  };
}

export interface AppColumns {
  id: string;
  name: string;
  label: string;
  status: string;
  signOnMode: string | null;
  created: string | null;
  lastUpdated: string | null;
}

export function appColumns(item: unknown, report: OddValueReport): AppColumns | undefined {
  const found = identified(item, 'apps', report);
  if (!found) return undefined;
  const { object: app, id } = found;
  const where = `app ${id}`;
  const signOnMode = presentText(app.signOnMode);
  if (signOnMode !== undefined) report.value('app signOnMode', signOnMode, where);
  return {
    id,
    name: needText(report, FALLBACKS.appName, where, app.name, app.label, id),
    label: needText(report, FALLBACKS.appLabel, where, app.label, app.name, id),
    status: enumText(report, 'app status', FALLBACKS.appStatus, where, app.status, 'UNKNOWN'),
    signOnMode: signOnMode ?? null,
    created: optionalText(app.created),
    lastUpdated: optionalText(app.lastUpdated),
  };
}
