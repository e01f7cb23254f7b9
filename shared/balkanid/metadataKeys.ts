// Every metadata key the export writes, per object kind and per relation kind, in the order written (balkanid-format.md
// B.1/B.2). The writers (electron/core/export/entityMetadata.ts, relationRecords.ts) are typed against these lists, so
// a key cannot be written without being listed here; help, the Export screen and the mapping rules read them here.
import { DEFAULT_USER_ATTRIBUTES } from './userAttributes';
import type { MappedRelationKind, MappedSourceType } from './exportMapping';

export const ENTITY_METADATA_KEYS = {
  user: DEFAULT_USER_ATTRIBUTES,
  group: ['description', 'groupType', 'created', 'lastMembershipUpdated'],
  app: ['appName', 'status', 'signOnMode', 'created'],
  role: ['roleType', 'custom', 'description'],
} as const satisfies Record<MappedSourceType, readonly string[]>;

export type UserMetadataKey = (typeof ENTITY_METADATA_KEYS.user)[number];
export type GroupMetadataKey = (typeof ENTITY_METADATA_KEYS.group)[number];
export type AppMetadataKey = (typeof ENTITY_METADATA_KEYS.app)[number];
export type RoleMetadataKey = (typeof ENTITY_METADATA_KEYS.role)[number];

/** Keys every relation carries, first, in this order. */
export const RELATION_METADATA_KEYS = ['project', 'privilegeName', 'privilegeValue', 'connectionType'] as const;
export type RelationMetadataKey = (typeof RELATION_METADATA_KEYS)[number];

/** The key a relation kind adds after the common ones (its detail), if any. */
export const RELATION_DETAIL_KEYS = {
  groupMembership: [],
  directAppAssignment: ['appUsername'],
  groupAppAssignment: ['priority'],
  userAdminRole: [],
  groupAdminRole: [],
  groupAppAccessFlattened: ['viaGroupIds'],
} as const satisfies Record<MappedRelationKind, readonly string[]>;
export type RelationDetailKey = (typeof RELATION_DETAIL_KEYS)[MappedRelationKind][number];

/** An object that carries metadata: one of the four entity kinds, or a relation kind. */
export type MetadataOwner = MappedSourceType | MappedRelationKind;

/** The keys one object of `owner` can carry, in the order written (users: the default attribute list). */
export function metadataKeysOf(owner: MetadataOwner): readonly string[] {
  if (Object.hasOwn(ENTITY_METADATA_KEYS, owner)) return ENTITY_METADATA_KEYS[owner as MappedSourceType];
  return [...RELATION_METADATA_KEYS, ...RELATION_DETAIL_KEYS[owner as MappedRelationKind]];
}

/** Every key of ours, each once, in the order first met (users, groups, apps, roles, relations). */
export const OUR_METADATA_KEYS: readonly string[] = [
  ...new Set([
    ...Object.values(ENTITY_METADATA_KEYS).flat(),
    ...RELATION_METADATA_KEYS,
    ...Object.values(RELATION_DETAIL_KEYS).flat(),
  ]),
];

/** Where our key occurs: "user", "group, role", "every relation", "directAppAssignment". */
export function ownersOfKey(key: string): string[] {
  const entities = Object.entries(ENTITY_METADATA_KEYS)
    .filter(([, keys]) => (keys as readonly string[]).includes(key))
    .map(([kind]) => kind);
  if ((RELATION_METADATA_KEYS as readonly string[]).includes(key)) return [...entities, 'every relation'];
  const details = Object.entries(RELATION_DETAIL_KEYS)
    .filter(([, keys]) => (keys as readonly string[]).includes(key))
    .map(([kind]) => kind);
  return [...entities, ...details];
}

/**
 * Keys BalkanID's own samples use (Part A): its identity sample and its group-membership relation sample. The rest
 * are this project's choice. Renaming a published key is allowed, with a warning.
 */
export const PUBLISHED_METADATA_KEYS: Readonly<Record<string, string>> = {
  username: "BalkanID's sample identity metadata",
  userCreatedDateTime: "BalkanID's sample identity metadata",
  lastPasswordChange: "BalkanID's sample identity metadata",
  jobTitle: "BalkanID's sample identity metadata",
  department: "BalkanID's sample identity metadata",
  project: "BalkanID's Okta relation sample",
  privilegeName: "BalkanID's Okta relation sample",
  privilegeValue: "BalkanID's Okta relation sample",
  connectionType: "BalkanID's Okta relation sample",
};
