// Pure: reads the folder and manifest counts out of a finished export job's result (kept loose: it crosses the service
// as JSON).
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import { describeRelationsLeftOut } from '../../../../shared/balkanid/relationsLeftOut';

export interface ExportOutcome {
  outDir: string | undefined;
  files: { name: string; rows: number }[];
  entityCounts: { label: string; count: number }[];
  relationCounts: { kind: string; count: number }[];
  /** Relations left out per kind because an end was never listed (manifest "relationsSkipped"), as in the manifest. */
  relationsLeftOut: Record<string, number>;
  errors: number | undefined;
  warnings: number | undefined;
  /** Validation found errors: the files were kept under the `.invalid` names, which no upload takes. */
  keptAsInvalid: boolean;
  /** Published under the upload names despite errors, because the user asked. */
  publishedDespiteErrors: boolean;
  /** The spreadsheet-safe copies (paths in the folder). */
  reviewCopy: string[];
  /** The whole validation report, for the findings; undefined when the result carries none. */
  report: ValidationReport | undefined;
}

type Loose = Record<string, unknown>;

function asObject(value: unknown): Loose {
  return typeof value === 'object' && value !== null ? (value as Loose) : {};
}
function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function countsByKind(value: unknown): { kind: string; count: number }[] {
  return Object.entries(asObject(value)).flatMap(([kind, count]) => {
    const number = asNumber(count);
    return number === undefined ? [] : [{ kind, count: number }];
  });
}

const ENTITY_LABELS: Record<string, string> = {
  'identity user': 'Users (identity)',
  'connection group': 'Groups (connection)',
  'connection role': 'Admin roles (connection)',
  'resource app': 'Apps (resource)',
};

/** Flattens the manifest's nested entity counts: { identity: { user: 3 } } → [{ label: 'identity user', count: 3 }]. */
function flattenCounts(value: unknown, prefix = ''): { label: string; count: number }[] {
  return Object.entries(asObject(value)).flatMap(([key, inner]) => {
    const label = prefix ? `${prefix} ${key}` : key;
    const count = asNumber(inner);
    return count !== undefined ? [{ label, count }] : flattenCounts(inner, label);
  });
}

export function readExportOutcome(result: unknown): ExportOutcome {
  const root = asObject(result);
  const manifest = asObject(root.manifest);
  // Format 2 lists each kind's parts; format 1 gave one file per kind.
  const files = Object.values(asObject(manifest.files))
    .flatMap((listed): unknown[] => (Array.isArray(listed) ? (listed as unknown[]) : [listed]))
    .flatMap((file) => {
      const entry = asObject(file);
      const rows = asNumber(entry.rows);
      return typeof entry.name === 'string' && rows !== undefined ? [{ name: entry.name, rows }] : [];
    });
  const validation = asObject(manifest.validation ?? root.validation);
  return {
    outDir: typeof root.outDir === 'string' ? root.outDir : undefined,
    files,
    entityCounts: flattenCounts(manifest.entities).map((entry) => ({
      ...entry,
      label: ENTITY_LABELS[entry.label] ?? entry.label,
    })),
    relationCounts: countsByKind(manifest.relations ?? manifest.entitlements),
    relationsLeftOut: Object.fromEntries(
      countsByKind(manifest.relationsSkipped).map(({ kind, count }) => [kind, count]),
    ),
    errors: asNumber(validation.errors ?? validation.errorCount),
    warnings: asNumber(validation.warnings ?? validation.warningCount),
    keptAsInvalid: root.keptAsInvalid === true,
    publishedDespiteErrors: manifest.publishedDespiteErrors === true,
    reviewCopy: Array.isArray(manifest.reviewCopy)
      ? manifest.reviewCopy.filter((name) => typeof name === 'string')
      : [],
    report: readReport(root.validation),
  };
}

/** The report as the export's worker sent it; anything without its findings and counts is not one. */
function readReport(value: unknown): ValidationReport | undefined {
  const report = asObject(value);
  const counted = asNumber(report.errorCount) !== undefined && asNumber(report.warningCount) !== undefined;
  return counted && Array.isArray(report.findings) ? (value as ValidationReport) : undefined;
}

/**
 * The upload verdict: never "ready" without saying how many relations were left out and why; undefined before
 * validation.
 */
export function uploadVerdict(outcome: ExportOutcome): { text: string; ready: boolean; leftOut: boolean } | undefined {
  if (outcome.errors === undefined) return undefined;
  if (outcome.errors > 0) return { text: notReadyText(outcome, outcome.errors), ready: false, leftOut: false };
  const leftOut = describeRelationsLeftOut(outcome.relationsLeftOut);
  return {
    text: leftOut ? `Ready to upload; ${leftOut}.` : 'Ready to upload.',
    ready: true,
    leftOut: leftOut !== undefined,
  };
}

function notReadyText(outcome: ExportOutcome, errors: number): string {
  const found = `Not ready to upload: the check found ${errors} error${errors === 1 ? '' : 's'}.`;
  if (outcome.keptAsInvalid)
    return (
      `${found} The files were kept as ${outcome.files.map((file) => file.name).join(', ')} and ` +
      'manifest.invalid.json, names no upload takes. Fix the errors below and export again, or tick "Publish even ' +
      'if the check finds errors".'
    );
  if (outcome.publishedDespiteErrors)
    return (
      `${found} They were published under the upload names as you asked; BalkanID would reject them, and Upload ` +
      'refuses them.'
    );
  return found;
}
