// The user attributes an export can write as identity metadata (the BalkanID default list), with plain descriptions.

import { DEFAULT_USER_ATTRIBUTES } from '../../../../shared/balkanid/userAttributes';

export { DEFAULT_USER_ATTRIBUTES };

export const USER_ATTRIBUTE_HINTS: Record<(typeof DEFAULT_USER_ATTRIBUTES)[number], string> = {
  username: 'Okta login',
  email: 'primary email',
  status: 'ACTIVE, SUSPENDED, …',
  firstName: 'given name',
  lastName: 'family name',
  jobTitle: 'title',
  department: 'department',
  employeeNumber: 'HR number',
  managerId: 'manager reference',
  userType: 'user type',
  userCreatedDateTime: 'when the account was created',
  lastLogin: 'last sign-in',
  lastPasswordChange: 'last password change',
  statusChanged: 'last status change',
  mfaEnabled: 'has an active factor (needs factors pulled)',
  mfaFactors: 'factor types (needs factors pulled)',
};

const defaultRank = (name: string) => {
  const index = (DEFAULT_USER_ATTRIBUTES as readonly string[]).indexOf(name);
  return index < 0 ? Number.POSITIVE_INFINITY : index;
};

/**
 * Ticks or unticks one attribute. The list keeps a fixed order whatever the clicks: a name of the BalkanID list goes
 * back to its place in that list's order, other names keep the order they were added in.
 */
export function withUserAttribute(list: readonly string[], name: string, on: boolean): string[] {
  const without = list.filter((entry) => entry !== name);
  if (!on) return without;
  if (list.includes(name)) return [...list];
  const at = without.findIndex((entry) => defaultRank(entry) > defaultRank(name));
  return at < 0 ? [...without, name] : [...without.slice(0, at), name, ...without.slice(at)];
}

/** The chosen names that are not in the BalkanID list (custom profile attributes), in their order. */
export function otherUserAttributes(list: readonly string[]): string[] {
  return list.filter((name) => defaultRank(name) === Number.POSITIVE_INFINITY);
}

/** "Select all": every name offered ticked, each in its place by the same rules as ticking them one by one. */
export function withEveryUserAttribute(list: readonly string[], offered: readonly string[]): string[] {
  return offered.reduce<string[]>((chosen, name) => withUserAttribute(chosen, name, true), [...list]);
}

/** Profile keys the BalkanID list already writes under its own name (login as username, title as jobTitle). */
const WRITTEN_AS = new Map([
  ['login', 'username'],
  ['title', 'jobTitle'],
]);

/** A hint for a profile key of the snapshot: what the BalkanID list writes the same value as, if anything. */
export function profileKeyHint(name: string): string | undefined {
  const as = WRITTEN_AS.get(name);
  return as === undefined ? undefined : `same value as ${as}`;
}

/** The snapshot's profile keys not in the BalkanID list (those are offered there already), in the order given. */
export function snapshotOnlyAttributes<T extends { name: string }>(attributes: readonly T[]): T[] {
  return attributes.filter((attribute) => defaultRank(attribute.name) === Number.POSITIVE_INFINITY);
}
