// The strings BalkanID does not publish (balkanid-format.md Part B): the Source Type of each object kind, the role
// Source ID, privilegeName and connectionType per relation kind, and the metadata keys. Each is a choice with a
// default, shown on the Export screen and in `okta-prep export --help`, changeable there (or in a saved profile), and
// written into manifest.json, so no guess is silent.
import { RELATION_KINDS } from './columns';

/** Every relation kind an export can write: the five of Part B.2, and group-granted app access when flattened. */
export const MAPPED_RELATION_KINDS = [...RELATION_KINDS, 'groupAppAccessFlattened'] as const;
export type MappedRelationKind = (typeof MAPPED_RELATION_KINDS)[number];

export const MAPPED_SOURCE_TYPES = ['user', 'group', 'app', 'role'] as const;
export type MappedSourceType = (typeof MAPPED_SOURCE_TYPES)[number];

export interface ExportMapping {
  /** Source Type written for each kind of Okta object (BalkanID's samples show only `user` and `group`). */
  sourceType: Record<MappedSourceType, string>;
  /**
   * Written before an admin role's key (Okta's role type for a standard role, such as SUPER_ADMIN; the custom role's
   * id) to form its Source ID, in entities and relations alike. Empty by default: the key as it is.
   */
  roleSourceIdPrefix: string;
  /** Metadata `privilegeName` of each relation kind. */
  privilegeName: Record<MappedRelationKind, string>;
  /** Metadata `connectionType` of each relation kind. */
  connectionType: Record<MappedRelationKind, string>;
  /**
   * Metadata keys renamed on the way out: our key (as listed in balkanid-format.md B.1/B.2) → the key written. A key
   * not listed is written as it is; the renaming applies wherever the key occurs.
   */
  metadataKeys: Record<string, string>;
}

/** A mapping given in part (a profile, flags, a service call): each group's values are laid over the defaults. */
export type PartialExportMapping = { [Group in keyof ExportMapping]?: Partial<ExportMapping[Group]> };

export const DEFAULT_EXPORT_MAPPING: ExportMapping = {
  sourceType: { user: 'user', group: 'group', app: 'app', role: 'role' },
  roleSourceIdPrefix: '',
  privilegeName: {
    groupMembership: 'member',
    directAppAssignment: 'assigned',
    groupAppAssignment: 'assigned',
    userAdminRole: 'admin',
    groupAdminRole: 'admin',
    groupAppAccessFlattened: 'assigned',
  },
  connectionType: {
    groupMembership: 'group',
    directAppAssignment: 'direct',
    groupAppAssignment: 'group',
    userAdminRole: 'role',
    groupAdminRole: 'role',
    groupAppAccessFlattened: 'group',
  },
  metadataKeys: {},
};

/** The key written for our metadata key `key` (own properties only: `constructor` or `__proto__` are plain keys). */
export function mappedMetadataKey(mapping: ExportMapping, key: string): string {
  const renamed = Object.hasOwn(mapping.metadataKeys, key) ? mapping.metadataKeys[key] : undefined;
  return renamed ?? key;
}
