// Every export-mapping choice as one flat list: where it lives in an ExportMapping, a plain label, its default and what
// BalkanID publishes about it. `okta-prep export --help` and the Export screen list choices from here, and the mapping
// rules name them with these labels, so the three always show the same choices.
import {
  DEFAULT_EXPORT_MAPPING,
  MAPPED_RELATION_KINDS,
  MAPPED_SOURCE_TYPES,
  type ExportMapping,
  type MappedRelationKind,
  type MappedSourceType,
} from './exportMapping';
import { OUR_METADATA_KEYS, PUBLISHED_METADATA_KEYS, ownersOfKey } from './metadataKeys';

export type MappingGroup = keyof ExportMapping;

export interface MappingChoice {
  /** "sourceType.app", "roleSourceIdPrefix", "metadataKeys.username": stable, used to show a problem by its field. */
  path: string;
  group: MappingGroup;
  /** The object kind, relation kind or metadata key within the group (none for the role prefix). */
  key?: string;
  label: string;
  defaultValue: string;
  /** Where BalkanID shows this value, if it does; absent when the value is this project's own choice. */
  published?: string;
  /** Only the role Source ID prefix may be empty (the role's key as it is). */
  emptyAllowed: boolean;
}

export const SOURCE_TYPE_LABELS: Record<MappedSourceType, string> = {
  user: 'users',
  group: 'groups',
  app: 'apps',
  role: 'admin roles',
};

export const MAPPED_RELATION_LABELS: Record<MappedRelationKind, string> = {
  groupMembership: 'group memberships (user → group)',
  directAppAssignment: 'direct app assignments (user → app)',
  groupAppAssignment: 'group app assignments (group → app)',
  userAdminRole: 'user admin roles (user → role)',
  groupAdminRole: 'group admin roles (group → role)',
  groupAppAccessFlattened: 'app access through a group, when flattened (user → app)',
};

const SAMPLES = "BalkanID's entity samples";
const MEMBERSHIP_SAMPLE = "BalkanID's Okta group-membership sample";

function sourceTypeChoice(kind: MappedSourceType): MappingChoice {
  return {
    path: `sourceType.${kind}`,
    group: 'sourceType',
    key: kind,
    label: `Source Type of ${SOURCE_TYPE_LABELS[kind]}`,
    defaultValue: DEFAULT_EXPORT_MAPPING.sourceType[kind],
    ...((kind === 'user' || kind === 'group') && { published: SAMPLES }),
    emptyAllowed: false,
  };
}

function relationChoice(group: 'privilegeName' | 'connectionType', kind: MappedRelationKind): MappingChoice {
  return {
    path: `${group}.${kind}`,
    group,
    key: kind,
    label: `${group} of ${MAPPED_RELATION_LABELS[kind]}`,
    defaultValue: DEFAULT_EXPORT_MAPPING[group][kind],
    ...(kind === 'groupMembership' && { published: MEMBERSHIP_SAMPLE }),
    emptyAllowed: false,
  };
}

function metadataKeyChoice(key: string): MappingChoice {
  const published = Object.hasOwn(PUBLISHED_METADATA_KEYS, key) ? PUBLISHED_METADATA_KEYS[key] : undefined;
  return {
    path: `metadataKeys.${key}`,
    group: 'metadataKeys',
    key,
    label: `metadata key "${key}" (${ownersOfKey(key).join(', ')})`,
    defaultValue: key,
    ...(published !== undefined && { published }),
    emptyAllowed: false,
  };
}

export const MAPPING_CHOICES: readonly MappingChoice[] = [
  ...MAPPED_SOURCE_TYPES.map(sourceTypeChoice),
  {
    path: 'roleSourceIdPrefix',
    group: 'roleSourceIdPrefix',
    label: "Source ID prefix of admin roles (before the role type, or the custom role's id)",
    defaultValue: DEFAULT_EXPORT_MAPPING.roleSourceIdPrefix,
    emptyAllowed: true,
  },
  ...MAPPED_RELATION_KINDS.map((kind) => relationChoice('privilegeName', kind)),
  ...MAPPED_RELATION_KINDS.map((kind) => relationChoice('connectionType', kind)),
  ...OUR_METADATA_KEYS.map(metadataKeyChoice),
];

/** The value a mapping holds for one choice (a metadata key not renamed: the key itself). */
export function choiceValue(mapping: ExportMapping, choice: MappingChoice): string {
  switch (choice.group) {
    case 'roleSourceIdPrefix':
      return mapping.roleSourceIdPrefix;
    case 'metadataKeys':
      return Object.hasOwn(mapping.metadataKeys, choice.key!) ? mapping.metadataKeys[choice.key!]! : choice.key!;
    default:
      return (mapping[choice.group] as Record<string, string>)[choice.key!]!;
  }
}

/** A copy of `mapping` with one choice set; a metadata key set back to itself is dropped from the renames. */
export function withChoiceValue(mapping: ExportMapping, choice: MappingChoice, value: string): ExportMapping {
  switch (choice.group) {
    case 'roleSourceIdPrefix':
      return { ...mapping, roleSourceIdPrefix: value };
    case 'metadataKeys': {
      const renames = Object.entries(mapping.metadataKeys).filter(([key]) => key !== choice.key);
      if (value !== choice.key) renames.push([choice.key!, value]);
      return { ...mapping, metadataKeys: Object.fromEntries(renames) };
    }
    default:
      return { ...mapping, [choice.group]: { ...mapping[choice.group], [choice.key!]: value } };
  }
}

/** The choices whose value differs from the default. */
export function changedChoices(mapping: ExportMapping): MappingChoice[] {
  return MAPPING_CHOICES.filter((choice) => choiceValue(mapping, choice) !== choice.defaultValue);
}
