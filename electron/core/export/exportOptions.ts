// What an export includes: relation kinds, the user attributes written as metadata (data minimisation), flattening,
// and the mapping of the strings BalkanID does not publish. Every way in (CLI, profile file, service) ends here.
import { RELATION_KINDS, type RelationKind } from '../../../shared/balkanid/columns';
import { DEFAULT_USER_ATTRIBUTES } from '../../../shared/balkanid/userAttributes';
import {
  DEFAULT_EXPORT_MAPPING,
  type ExportMapping,
  type PartialExportMapping,
} from '../../../shared/balkanid/exportMapping';
import { checkExportChoices, describeChoiceProblems } from '../../../shared/balkanid/exportMappingRules';

/** User metadata keys in their fixed order; any other name is read from the Okta profile. */
export { DEFAULT_USER_ATTRIBUTES };
export type { PartialExportMapping };

export interface ExportOptions {
  relationKinds: readonly RelationKind[];
  /** In the order written, duplicates removed keeping the first. */
  userAttributes: readonly string[];
  /** Also write user → app rows for access held only through a group (connectionType "group", viaGroupIds). */
  flattenGroupAppAssignments: boolean;
  /** Write the files readable by every user of the computer (0644) instead of by their owner only (0600). */
  sharedFiles: boolean;
  /** The strings BalkanID does not publish (Source Types, role Source IDs, privilegeName, connectionType, keys). */
  mapping: ExportMapping;
  /**
   * Publish the files under their upload names even when validation finds errors (the manifest then says
   * `publishedDespiteErrors`). Off by default: a failing bundle is kept under names an upload never takes.
   */
  allowInvalid: boolean;
  /** Also write a spreadsheet-safe copy into `review/` (formula-like cells prefixed with '); never uploaded. */
  reviewCopy: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  relationKinds: RELATION_KINDS,
  userAttributes: DEFAULT_USER_ATTRIBUTES,
  flattenGroupAppAssignments: false,
  sharedFiles: false,
  mapping: DEFAULT_EXPORT_MAPPING,
  allowInvalid: false,
  reviewCopy: false,
};

/** Options that cannot be used: the message says which and how to fix them. */
export class ExportOptionsError extends Error {
  override name = 'ExportOptionsError';
}

export type ExportOptionsInput = Partial<Omit<ExportOptions, 'mapping'>> & { mapping?: PartialExportMapping };

export function resolveExportOptions(partial: ExportOptionsInput = {}): ExportOptions {
  const relationKinds = partial.relationKinds ?? DEFAULT_EXPORT_OPTIONS.relationKinds;
  for (const kind of relationKinds) {
    if (!RELATION_KINDS.includes(kind))
      throw new ExportOptionsError(`unknown relation kind "${kind}": choose from ${RELATION_KINDS.join(', ')}`);
  }
  const checked = checkExportChoices({ mapping: partial.mapping, userAttributes: partial.userAttributes });
  if (checked.errors.length > 0) throw new ExportOptionsError(describeChoiceProblems(checked.errors));
  return {
    relationKinds: RELATION_KINDS.filter((kind) => relationKinds.includes(kind)),
    userAttributes: checked.userAttributes,
    flattenGroupAppAssignments: partial.flattenGroupAppAssignments ?? false,
    sharedFiles: partial.sharedFiles ?? false,
    mapping: checked.mapping,
    allowInvalid: partial.allowInvalid ?? false,
    reviewCopy: partial.reviewCopy ?? false,
  };
}
