// Generates admin roles: custom role definitions plus standard/custom role assignments held by users and groups.
import type { OktaGroup, OktaIamRole, OktaRoleAssignment, OktaUser } from '../../../shared/okta/types';
import { FAKE_NOW_MS, FAKE_ORG_CREATED_MS, oktaTimestamp, randomInstant } from './fakeClock';
import { ID_PREFIX, compareIds, type OktaIdFactory } from './ids';
import { CUSTOM_ROLE_DEFINITIONS } from './profileVocabulary';
import type { SeededRandom } from './random';

/** Standard role types and the labels Okta shows for them. */
export const STANDARD_ROLE_LABELS: Readonly<Record<string, string>> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organization Administrator',
  APP_ADMIN: 'Application Administrator',
  USER_ADMIN: 'Group Administrator',
  HELP_DESK_ADMIN: 'Help Desk Administrator',
  READ_ONLY_ADMIN: 'Read Only Administrator',
  REPORT_ADMIN: 'Report Administrator',
  GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator',
  API_ACCESS_MANAGEMENT_ADMIN: 'API Access Management Administrator',
};

/** Delegated roles are common, full admins rare. */
const STANDARD_ROLE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['ORG_ADMIN', 6],
  ['APP_ADMIN', 14],
  ['USER_ADMIN', 14],
  ['HELP_DESK_ADMIN', 20],
  ['READ_ONLY_ADMIN', 18],
  ['REPORT_ADMIN', 10],
  ['GROUP_MEMBERSHIP_ADMIN', 10],
  ['API_ACCESS_MANAGEMENT_ADMIN', 4],
  ['SUPER_ADMIN', 4],
];

export interface GeneratedRoles {
  customRoles: OktaIamRole[];
  userRoleAssignments: Map<string, OktaRoleAssignment[]>;
  groupRoleAssignments: Map<string, OktaRoleAssignment[]>;
}

interface CustomRoleBinding {
  role: OktaIamRole;
  resourceSetId: string;
}

class RoleAssigner {
  constructor(
    private readonly ids: OktaIdFactory,
    private readonly random: SeededRandom,
  ) {}

  private times(): { created: string; lastUpdated: string } {
    const created = randomInstant(this.random, FAKE_ORG_CREATED_MS, FAKE_NOW_MS);
    return {
      created: oktaTimestamp(created),
      lastUpdated: oktaTimestamp(randomInstant(this.random, created, FAKE_NOW_MS)),
    };
  }

  standard(type: string, assignmentType: 'USER' | 'GROUP'): OktaRoleAssignment {
    const prefix = assignmentType === 'USER' ? ID_PREFIX.userRoleAssignment : ID_PREFIX.groupRoleAssignment;
    return {
      id: this.ids.next(prefix),
      label: STANDARD_ROLE_LABELS[type] ?? type,
      type,
      status: 'ACTIVE',
      ...this.times(),
      assignmentType,
    };
  }

  custom(binding: CustomRoleBinding, assignmentType: 'USER' | 'GROUP'): OktaRoleAssignment {
    return {
      id: this.ids.next(ID_PREFIX.customRoleAssignment),
      role: binding.role.id,
      label: binding.role.label,
      type: 'CUSTOM',
      status: 'ACTIVE',
      ...this.times(),
      assignmentType,
      'resource-set': binding.resourceSetId,
    };
  }

  /** One or two distinct standard roles. */
  standardSet(assignmentType: 'USER' | 'GROUP'): OktaRoleAssignment[] {
    const first = this.random.weighted(STANDARD_ROLE_WEIGHTS);
    const second = this.random.chance(0.25) ? this.random.weighted(STANDARD_ROLE_WEIGHTS) : first;
    const types = first === second ? [first] : [first, second];
    return types.map((type) => this.standard(type, assignmentType));
  }
}

function generateCustomRoles(userCount: number, ids: OktaIdFactory, random: SeededRandom): CustomRoleBinding[] {
  const count = Math.max(1, Math.min(CUSTOM_ROLE_DEFINITIONS.length, 1 + Math.floor(userCount / 250)));
  return CUSTOM_ROLE_DEFINITIONS.slice(0, count).map((definition) => {
    const created = randomInstant(random, FAKE_ORG_CREATED_MS, FAKE_NOW_MS);
    const role: OktaIamRole = {
      id: ids.next(ID_PREFIX.customRole),
      label: definition.label,
      description: definition.description,
      created: oktaTimestamp(created),
      lastUpdated: oktaTimestamp(randomInstant(random, created, FAKE_NOW_MS)),
    };
    return { role, resourceSetId: ids.next(ID_PREFIX.resourceSet) };
  });
}

const sortedMap = <T>(map: Map<string, T>) => new Map([...map].sort(([a], [b]) => compareIds(a, b)));

/** `users` sorted by id. Admins are ACTIVE users; role groups are non-BUILT_IN groups, members first. */
export function generateRoles(
  users: readonly OktaUser[],
  groups: readonly OktaGroup[],
  groupMembers: ReadonlyMap<string, string[]>,
  ids: OktaIdFactory,
  random: SeededRandom,
): GeneratedRoles {
  const bindings = generateCustomRoles(users.length, ids, random);
  const assigner = new RoleAssigner(ids, random);
  const userRoleAssignments = userRoles(users, bindings, assigner, random);
  const groupRoleAssignments = groupRoles(groups, groupMembers, bindings, assigner, random);
  return {
    customRoles: bindings.map((b) => b.role).sort((a, b) => compareIds(a.id, b.id)),
    userRoleAssignments: sortedMap(userRoleAssignments),
    groupRoleAssignments: sortedMap(groupRoleAssignments),
  };
}

/** About 1% of users (at least 3) hold roles: a super admin, a custom-role holder, then standard sets. */
function userRoles(
  users: readonly OktaUser[],
  bindings: CustomRoleBinding[],
  assigner: RoleAssigner,
  random: SeededRandom,
): Map<string, OktaRoleAssignment[]> {
  const userRoleAssignments = new Map<string, OktaRoleAssignment[]>();
  const activeUsers = random.shuffled(users.filter((u) => u.status === 'ACTIVE').map((u) => u.id));
  const adminCount = Math.min(activeUsers.length, Math.max(3, Math.round(users.length * 0.01)));
  activeUsers.slice(0, adminCount).forEach((userId, rank) => {
    if (rank === 0) userRoleAssignments.set(userId, [assigner.standard('SUPER_ADMIN', 'USER')]);
    else if (rank === 1) userRoleAssignments.set(userId, [assigner.custom(bindings[0] as CustomRoleBinding, 'USER')]);
    else if (random.chance(0.15))
      userRoleAssignments.set(userId, [
        assigner.custom(random.pick(bindings), 'USER'),
        ...assigner.standardSet('USER'),
      ]);
    else userRoleAssignments.set(userId, assigner.standardSet('USER'));
  });
  return userRoleAssignments;
}

/** About 2% of groups (at least 2) hold roles, groups with members first: a custom role, help desk, then others. */
function groupRoles(
  groups: readonly OktaGroup[],
  groupMembers: ReadonlyMap<string, string[]>,
  bindings: CustomRoleBinding[],
  assigner: RoleAssigner,
  random: SeededRandom,
): Map<string, OktaRoleAssignment[]> {
  const groupRoleAssignments = new Map<string, OktaRoleAssignment[]>();
  const candidates = groups.filter((g) => g.type !== 'BUILT_IN');
  const withMembers = random.shuffled(candidates.filter((g) => (groupMembers.get(g.id)?.length ?? 0) > 0));
  const memberless = candidates.filter((g) => (groupMembers.get(g.id)?.length ?? 0) === 0);
  const roleGroups = [...withMembers, ...memberless];
  const roleGroupCount = Math.min(roleGroups.length, Math.max(2, Math.round(groups.length * 0.02)));
  const groupRolesFor = (rank: number): OktaRoleAssignment[] => {
    if (rank === 0) {
      // The first role group always holds a custom role (and a standard one if it is the only role group).
      const custom = assigner.custom(bindings[0] as CustomRoleBinding, 'GROUP');
      return roleGroupCount === 1 ? [custom, assigner.standard('HELP_DESK_ADMIN', 'GROUP')] : [custom];
    }
    if (rank === 1) return [assigner.standard('HELP_DESK_ADMIN', 'GROUP')];
    return random.chance(0.2) ? [assigner.custom(random.pick(bindings), 'GROUP')] : assigner.standardSet('GROUP');
  };
  roleGroups.slice(0, roleGroupCount).forEach((group, rank) => groupRoleAssignments.set(group.id, groupRolesFor(rank)));
  return groupRoleAssignments;
}
