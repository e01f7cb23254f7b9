// Builds each entity's Metadata JSON (balkanid-format.md B.1): keys in a fixed order, absent values left out.
import type { OktaUser } from '../../../shared/okta/types';
import { toBalkanTimestamp } from '../../../shared/balkanid/timestamps';
import { ENTITY_METADATA_KEYS, type UserMetadataKey } from '../../../shared/balkanid/metadataKeys';

type MetadataValue = string | number | boolean | string[];

/** The key written for one of our metadata keys (the export mapping's renames); unchanged by default. */
export type MetadataKeyName = (key: string) => string;
const KEEP_KEY: MetadataKeyName = (key) => key;

/** Compact JSON from ordered pairs, leaving out undefined, null and empty strings. */
export function compactMetadata(
  pairs: readonly (readonly [string, unknown])[],
  keyName: MetadataKeyName = KEEP_KEY,
): string {
  // A null-prototype object: a key such as `__proto__` is an ordinary key, not the prototype.
  const object = Object.create(null) as Record<string, MetadataValue>;
  for (const [key, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    object[keyName(key)] = value as MetadataValue;
  }
  return Object.keys(object).length === 0 ? '' : JSON.stringify(object);
}

/** Pairs in the order of `keys` (the lists of shared/balkanid/metadataKeys.ts): a key not listed does not compile. */
export function orderedPairs<K extends string>(
  keys: readonly K[],
  values: Record<K, unknown>,
): (readonly [string, unknown])[] {
  return keys.map((key) => [key, values[key]] as const);
}

export interface UserFactorSummary {
  /** Factors were pulled for this snapshot (else the MFA keys are left out rather than claiming "no MFA"). */
  pulled: boolean;
  activeFactorTypes: string[];
}

/** The raw profile, or an empty one when Okta sent none (or not an object): a user's metadata never throws. */
function profileOf(user: OktaUser): OktaUser['profile'] {
  const profile: unknown = user.profile;
  return (typeof profile === 'object' && profile !== null ? profile : {}) as OktaUser['profile'];
}

function profileValue(user: OktaUser, name: string): unknown {
  const profile = profileOf(user);
  const value = Object.hasOwn(profile, name) ? profile[name] : undefined; // `constructor` is a name, not Object's
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

type Profile = OktaUser['profile'];

/**
 * How each metadata key of ours is read from a user. One table for every user (not closures made per user: that
 * allocation was a good part of the entities file's time at 100,000 users).
 */
const USER_METADATA_READERS: Record<
  UserMetadataKey,
  (user: OktaUser, profile: Profile, factors: UserFactorSummary) => unknown
> = {
  username: (_, profile) => profile.login,
  email: (_, profile) => profile.email,
  status: (user) => user.status,
  firstName: (_, profile) => profile.firstName,
  lastName: (_, profile) => profile.lastName,
  jobTitle: (_, profile) => profile.title,
  department: (_, profile) => profile.department,
  employeeNumber: (_, profile) => profile.employeeNumber,
  managerId: (_, profile) => profile.managerId,
  userType: (_, profile) => profile.userType,
  userCreatedDateTime: (user) => toBalkanTimestamp(user.created),
  lastLogin: (user) => toBalkanTimestamp(user.lastLogin),
  lastPasswordChange: (user) => toBalkanTimestamp(user.passwordChanged),
  statusChanged: (user) => toBalkanTimestamp(user.statusChanged),
  mfaEnabled: (_, __, factors) => (factors.pulled ? factors.activeFactorTypes.length > 0 : undefined),
  mfaFactors: (_, __, factors) => (factors.pulled ? factors.activeFactorTypes : undefined),
};

export function userMetadata(
  user: OktaUser,
  attributes: readonly string[],
  factors: UserFactorSummary,
  keyName: MetadataKeyName = KEEP_KEY,
): string {
  const profile = profileOf(user);
  return compactMetadata(
    attributes.map((name) => {
      // Own properties only: `constructor` is a profile attribute's name here, not Object's.
      const read = Object.hasOwn(USER_METADATA_READERS, name)
        ? USER_METADATA_READERS[name as UserMetadataKey]
        : undefined;
      return [name, read ? read(user, profile, factors) : profileValue(user, name)] as const;
    }),
    keyName,
  );
}

export function groupMetadata(
  group: {
    description: string | null;
    type: string;
    created: string | null;
    lastMembershipUpdated: string | null;
  },
  keyName: MetadataKeyName = KEEP_KEY,
): string {
  return compactMetadata(
    orderedPairs(ENTITY_METADATA_KEYS.group, {
      description: group.description,
      groupType: group.type,
      created: toBalkanTimestamp(group.created),
      lastMembershipUpdated: toBalkanTimestamp(group.lastMembershipUpdated),
    }),
    keyName,
  );
}

export function appMetadata(
  app: {
    name: string;
    status: string;
    signOnMode: string | null;
    created: string | null;
  },
  keyName: MetadataKeyName = KEEP_KEY,
): string {
  return compactMetadata(
    orderedPairs(ENTITY_METADATA_KEYS.app, {
      appName: app.name,
      status: app.status,
      signOnMode: app.signOnMode,
      created: toBalkanTimestamp(app.created),
    }),
    keyName,
  );
}

export function roleMetadata(
  role: { roleType: string; custom: boolean; description: string | null },
  keyName: MetadataKeyName = KEEP_KEY,
): string {
  return compactMetadata(
    orderedPairs(ENTITY_METADATA_KEYS.role, {
      roleType: role.roleType,
      custom: role.custom,
      description: role.description,
    }),
    keyName,
  );
}
