// What an export includes: relation kinds, the user attributes written as metadata (data minimisation), flattening.
import { RELATION_KINDS, type RelationKind } from '../../../shared/balkanid/columns';
import { DEFAULT_USER_ATTRIBUTES } from '../../../shared/balkanid/userAttributes';
import { DEFAULT_EXPORT_MAPPING, type ExportMapping } from '../../../shared/balkanid/exportMapping';

/** User metadata keys in their fixed order; any other name is read from the Okta profile. */
export { DEFAULT_USER_ATTRIBUTES };

export interface ExportOptions {
  relationKinds: readonly RelationKind[];
  userAttributes: readonly string[];
  /** Also write user → app rows for access held only through a group (connectionType "group", viaGroupIds). */
  flattenGroupAppAssignments: boolean;
  /** Write the files readable by every user of the computer (0644) instead of by their owner only (0600). */
  sharedFiles: boolean;
  /** The strings BalkanID does not publish (Source Types, role Source IDs, privilegeName, connectionType, keys). */
  mapping: ExportMapping;
}

/** A mapping given in part: each group's values are laid over the defaults. */
export type PartialExportMapping = { [Group in keyof ExportMapping]?: Partial<ExportMapping[Group]> };

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  relationKinds: RELATION_KINDS,
  userAttributes: DEFAULT_USER_ATTRIBUTES,
  flattenGroupAppAssignments: false,
  sharedFiles: false,
  mapping: DEFAULT_EXPORT_MAPPING,
};

export function resolveExportMapping(partial: PartialExportMapping = {}): ExportMapping {
  const defaults = DEFAULT_EXPORT_MAPPING;
  return {
    sourceType: { ...defaults.sourceType, ...partial.sourceType },
    roleSourceIdPrefix: partial.roleSourceIdPrefix ?? defaults.roleSourceIdPrefix,
    privilegeName: { ...defaults.privilegeName, ...partial.privilegeName },
    connectionType: { ...defaults.connectionType, ...partial.connectionType },
    metadataKeys: Object.fromEntries(
      Object.entries({ ...defaults.metadataKeys, ...partial.metadataKeys }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
  };
}

export type ExportOptionsInput = Partial<Omit<ExportOptions, 'mapping'>> & { mapping?: PartialExportMapping };

export function resolveExportOptions(partial: ExportOptionsInput = {}): ExportOptions {
  const relationKinds = partial.relationKinds ?? DEFAULT_EXPORT_OPTIONS.relationKinds;
  for (const kind of relationKinds) {
    if (!RELATION_KINDS.includes(kind))
      throw new Error(`unknown relation kind "${kind}": choose from ${RELATION_KINDS.join(', ')}`);
  }
  const userAttributes = partial.userAttributes ?? DEFAULT_EXPORT_OPTIONS.userAttributes;
  for (const name of userAttributes) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new Error(`"${name}" is not a user attribute name (letters, digits and _ only)`);
  }
  return {
    relationKinds: RELATION_KINDS.filter((kind) => relationKinds.includes(kind)),
    userAttributes: [...new Set(userAttributes)],
    flattenGroupAppAssignments: partial.flattenGroupAppAssignments ?? false,
    sharedFiles: partial.sharedFiles ?? false,
    mapping: resolveExportMapping(partial.mapping),
  };
}
