// Builds a whole deterministic fake Okta org (users, groups, apps, assignments, roles, factors) from a seed and a size.
import type {
  OktaApp,
  OktaFactor,
  OktaGroup,
  OktaIamRole,
  OktaRoleAssignment,
  OktaUser,
} from '../../../shared/okta/types';
import { generateAppAssignments } from './generateAppAssignments';
import { generateApps, sortAppsById } from './generateApps';
import { generateFactors } from './generateFactors';
import { generateGroups } from './generateGroups';
import { generateRoles } from './generateRoles';
import { generateUsers } from './generateUsers';
import { OktaIdFactory } from './ids';
import { SeededRandom } from './random';

export interface FakeOrgSize {
  users: number;
  /** Total groups including the BUILT_IN "Everyone" group (so at least 1). */
  groups: number;
  apps: number;
}

export interface FakeOrgOptions extends FakeOrgSize {
  seed: string | number;
  /** Default true. When false no user has factors (the rest of the org is unchanged). */
  includeFactors?: boolean;
  /**
   * Custom profile attributes every user gets (value: "NAME of LOGIN"), as an org's schema extensions add them; any
   * name, `constructor` and `__proto__` included. Added after generation, so the rest of the org is unchanged.
   */
  customProfileAttributes?: readonly string[];
}

/**
 * The org model the fake server serves. Every array is sorted by id and every id list is sorted;
 * tests may mutate the model between requests (the server re-sorts arrays that were appended to).
 */
export interface FakeOrg {
  users: OktaUser[];
  groups: OktaGroup[];
  groupMembers: Map<string, string[]>;
  apps: OktaApp[];
  directAppAssignments: Map<string, { userId: string; userName: string }[]>;
  appGroupAssignments: Map<string, { groupId: string; priority: number }[]>;
  customRoles: OktaIamRole[];
  userRoleAssignments: Map<string, OktaRoleAssignment[]>;
  groupRoleAssignments: Map<string, OktaRoleAssignment[]>;
  factors: Map<string, OktaFactor[]>;
}

function checkSize(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`FakeOrgOptions.${name} must be a non-negative integer, got ${value}`);
  return value;
}

function addProfileAttributes(user: OktaUser, names: readonly string[]): void {
  for (const name of names) {
    // defineProperty: assigning `__proto__` would set the prototype instead of adding the attribute.
    const value = `${name} of ${user.profile.login}`;
    Object.defineProperty(user.profile, name, { value, enumerable: true, writable: true, configurable: true });
  }
}

export function generateOrg(options: FakeOrgOptions): FakeOrg {
  const userCount = checkSize('users', options.users);
  const groupCount = checkSize('groups', options.groups);
  const appCount = checkSize('apps', options.apps);
  const root = new SeededRandom(`okta-prep-fake-org:${String(options.seed)}`);
  // One id factory for the whole org keeps ids unique across types; each part gets its own stream.
  const ids = new OktaIdFactory(root.fork('ids'));

  const users = generateUsers(userCount, ids, root.fork('users'));
  const { planned, directoryAppId } = generateApps(appCount, ids, root.fork('apps'));
  const { groups, groupMembers } = generateGroups(groupCount, users, directoryAppId, ids, root.fork('groups'));
  const assignments = generateAppAssignments(planned, users, groups, groupMembers, root.fork('assignments'));
  const roles = generateRoles(users, groups, groupMembers, ids, root.fork('roles'));
  const includeFactors = options.includeFactors ?? true;
  // The factor stream draws ids last, so switching factors off changes nothing else.
  const factors = includeFactors ? generateFactors(users, ids, root.fork('factors')) : new Map<string, OktaFactor[]>();

  for (const user of users) addProfileAttributes(user, options.customProfileAttributes ?? []);
  return {
    users,
    groups,
    groupMembers,
    apps: sortAppsById(planned),
    directAppAssignments: assignments.directAppAssignments,
    appGroupAssignments: assignments.appGroupAssignments,
    customRoles: roles.customRoles,
    userRoleAssignments: roles.userRoleAssignments,
    groupRoleAssignments: roles.groupRoleAssignments,
    factors,
  };
}
