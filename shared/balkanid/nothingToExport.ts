// An export with nothing chosen to write is refused, not run: the Export screen disables its button with this reason,
// and the service and the CLI refuse such an export with it (the screen's check alone could be bypassed). Pure.
import type { RelationKind } from './columns';

export interface ExportedKindsChoice {
  format?: string;
  relationKinds?: readonly RelationKind[];
  flattenGroupAppAssignments?: boolean;
}

/**
 * Why these choices would export nothing, or undefined when something is chosen. Relations left unchosen mean every
 * kind (the default), so only an empty list counts: every row of entitlements.csv, and every row of
 * entity-relations.csv, is a relation, and an upload without them carries no access at all.
 */
export function nothingToExportReason(choice: ExportedKindsChoice): string | undefined {
  if (choice.relationKinds === undefined || choice.relationKinds.length > 0) return undefined;
  if (choice.flattenGroupAppAssignments === true) return undefined; // user → app rows through groups are written
  const file = choice.format === 'entitlements' ? 'entitlements.csv' : 'entity-relations.csv';
  return (
    `nothing to export: no relation kind is chosen, so ${file} would hold no access at all. Choose at least one ` +
    'relation kind (group memberships, app assignments or admin roles)'
  );
}
