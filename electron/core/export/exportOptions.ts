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
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/balkanid/entitlements';

/** User metadata keys in their fixed order; any other name is read from the Okta profile. */
export { DEFAULT_USER_ATTRIBUTES };
export type { PartialExportMapping };

export interface ExportOptions {
  /** The entities + entity-relations pair (Part A.1, A.2), or the flat entitlements file (Part A.3). */
  format: ExportFormat;
  /** Okta user statuses whose users are exported (both formats); null for every status. */
  userStatuses: readonly string[] | null;
  /** Split each CSV file into parts of at most this many data rows, each with the header; null for one file each. */
  splitRows: number | null;
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
  format: 'entities-relations',
  userStatuses: null,
  splitRows: null,
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

export type ExportOptionsInput = Partial<Omit<ExportOptions, 'mapping' | 'format'>> & {
  mapping?: PartialExportMapping;
  format?: string;
};

export function resolveExportOptions(partial: ExportOptionsInput = {}): ExportOptions {
  const relationKinds = partial.relationKinds ?? DEFAULT_EXPORT_OPTIONS.relationKinds;
  for (const kind of relationKinds) {
    if (!RELATION_KINDS.includes(kind))
      throw new ExportOptionsError(`unknown relation kind "${kind}": choose from ${RELATION_KINDS.join(', ')}`);
  }
  const checked = checkExportChoices({ mapping: partial.mapping, userAttributes: partial.userAttributes });
  if (checked.errors.length > 0) throw new ExportOptionsError(describeChoiceProblems(checked.errors));
  return {
    format: checkFormat(partial.format),
    userStatuses: checkUserStatuses(partial.userStatuses),
    splitRows: checkSplitRows(partial.splitRows),
    relationKinds: RELATION_KINDS.filter((kind) => relationKinds.includes(kind)),
    userAttributes: checked.userAttributes,
    flattenGroupAppAssignments: partial.flattenGroupAppAssignments ?? false,
    sharedFiles: partial.sharedFiles ?? false,
    mapping: checked.mapping,
    allowInvalid: partial.allowInvalid ?? false,
    reviewCopy: partial.reviewCopy ?? false,
  };
}

function checkFormat(format: string | undefined): ExportFormat {
  if (format === undefined) return 'entities-relations';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new ExportOptionsError(`unknown format "${format}": choose ${EXPORT_FORMATS.join(' or ')}`);
  return format as ExportFormat;
}

/** Okta's statuses are upper-case words (ACTIVE, SUSPENDED, DEPROVISIONED, ...): compared as given, upper-cased. */
function checkUserStatuses(statuses: readonly string[] | null | undefined): readonly string[] | null {
  if (statuses === undefined || statuses === null) return null;
  const cleaned = [...new Set(statuses.map((status) => status.trim().toUpperCase()))];
  if (cleaned.length === 0 || cleaned.includes(''))
    throw new ExportOptionsError(
      'user statuses: name at least one status, none empty (for example ACTIVE,SUSPENDED), or leave the choice out ' +
        'to export users of every status',
    );
  const odd = cleaned.find((status) => !/^[A-Z_]{1,40}$/.test(status));
  if (odd !== undefined)
    throw new ExportOptionsError(`user status "${odd}" is not an Okta status: use words like ACTIVE or SUSPENDED`);
  return cleaned;
}

const MAX_SPLIT_ROWS = 1_000_000_000;

function checkSplitRows(rows: number | null | undefined): number | null {
  if (rows === undefined || rows === null) return null;
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > MAX_SPLIT_ROWS)
    throw new ExportOptionsError(`split rows must be a whole number of rows from 1 to ${MAX_SPLIT_ROWS}, not ${rows}`);
  return rows;
}
