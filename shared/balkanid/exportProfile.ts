// An export profile: every export choice in one JSON file (`okta-prep export --profile FILE`, the Export screen's saved
// choices, a file imported or downloaded there). Written whole; read in part, what is left out taking its default.
import { RELATION_KINDS, type RelationKind } from './columns';
import { DEFAULT_EXPORT_MAPPING, type ExportMapping, type PartialExportMapping } from './exportMapping';
import { DEFAULT_USER_ATTRIBUTES } from './userAttributes';
import { EXPORT_FORMATS } from './entitlements';

export const EXPORT_PROFILE_FORMAT = 'okta-prep/export-profile';
export const EXPORT_PROFILE_VERSION = 1;

/** The keyword that runs the mapping rules (shared/balkanid/exportMappingRules.ts) inside a JSON Schema. */
export const EXPORT_CHOICES_KEYWORD = 'exportChoicesRules';

export interface ExportProfile {
  format: typeof EXPORT_PROFILE_FORMAT;
  version: typeof EXPORT_PROFILE_VERSION;
  mapping: ExportMapping;
  /** Written as identity metadata in this order. */
  userAttributes: string[];
  relationKinds: RelationKind[];
  flattenGroupAppAssignments: boolean;
}

/** A profile as read: only format and version are required. */
export interface ExportProfileInput {
  format: typeof EXPORT_PROFILE_FORMAT;
  version: typeof EXPORT_PROFILE_VERSION;
  mapping?: PartialExportMapping;
  userAttributes?: string[];
  relationKinds?: RelationKind[];
  flattenGroupAppAssignments?: boolean;
}

export interface ExportProfileChoices {
  mapping: ExportMapping;
  userAttributes: readonly string[];
  relationKinds: readonly RelationKind[];
  flattenGroupAppAssignments: boolean;
}

export function exportProfileOf(choices: ExportProfileChoices): ExportProfile {
  return {
    format: EXPORT_PROFILE_FORMAT,
    version: EXPORT_PROFILE_VERSION,
    mapping: choices.mapping,
    userAttributes: [...choices.userAttributes],
    relationKinds: RELATION_KINDS.filter((kind) => choices.relationKinds.includes(kind)),
    flattenGroupAppAssignments: choices.flattenGroupAppAssignments,
  };
}

/** Every choice at its default: what an export does when nothing was chosen. */
export const DEFAULT_EXPORT_PROFILE: ExportProfile = exportProfileOf({
  mapping: DEFAULT_EXPORT_MAPPING,
  userAttributes: DEFAULT_USER_ATTRIBUTES,
  relationKinds: RELATION_KINDS,
  flattenGroupAppAssignments: false,
});

type Schema = Record<string, unknown>;

// The shape only: the mapping's contents and the attribute names are checked by the rules keyword, whose messages
// name each choice and list the known kinds and keys (plain JSON Schema errors would not).
const RELATION_KINDS_SCHEMA: Schema = { type: 'array', items: { enum: [...RELATION_KINDS] }, uniqueItems: true };

/** Export options as the service takes them (also `sharedFiles`), the mapping rules applied to the whole. */
export const EXPORT_OPTIONS_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    relationKinds: RELATION_KINDS_SCHEMA,
    userAttributes: { type: 'array' },
    flattenGroupAppAssignments: { type: 'boolean' },
    sharedFiles: { type: 'boolean' },
    allowInvalid: { type: 'boolean' },
    reviewCopy: { type: 'boolean' },
    format: { enum: [...EXPORT_FORMATS] },
    userStatuses: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 40 }, minItems: 1, maxItems: 20 },
    splitRows: { type: 'integer', minimum: 1, maximum: 1_000_000_000 },
    mapping: { type: 'object' },
  },
  [EXPORT_CHOICES_KEYWORD]: true,
};

export const EXPORT_PROFILE_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'version'],
  properties: {
    format: { const: EXPORT_PROFILE_FORMAT },
    version: { const: EXPORT_PROFILE_VERSION },
    mapping: { type: 'object' },
    userAttributes: { type: 'array' },
    relationKinds: RELATION_KINDS_SCHEMA,
    flattenGroupAppAssignments: { type: 'boolean' },
  },
  [EXPORT_CHOICES_KEYWORD]: true,
};
