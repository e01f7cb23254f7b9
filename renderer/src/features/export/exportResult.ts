// Pure: reads the folder and manifest counts out of a finished export job's result (kept loose: it crosses the service
// as JSON).
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
  const files = Object.values(asObject(manifest.files)).flatMap((file) => {
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
    relationCounts: countsByKind(manifest.relations),
    relationsLeftOut: Object.fromEntries(
      countsByKind(manifest.relationsSkipped).map(({ kind, count }) => [kind, count]),
    ),
    errors: asNumber(validation.errors ?? validation.errorCount),
    warnings: asNumber(validation.warnings ?? validation.warningCount),
  };
}

/**
 * The upload verdict: never "ready" without saying how many relations were left out and why; undefined before
 * validation.
 */
export function uploadVerdict(outcome: ExportOutcome): { text: string; ready: boolean; leftOut: boolean } | undefined {
  if (outcome.errors === undefined) return undefined;
  if (outcome.errors > 0)
    return {
      text: `Not ready to upload: the validation found ${outcome.errors} error${outcome.errors === 1 ? '' : 's'}.`,
      ready: false,
      leftOut: false,
    };
  const leftOut = describeRelationsLeftOut(outcome.relationsLeftOut);
  return {
    text: leftOut ? `Ready to upload; ${leftOut}.` : 'Ready to upload.',
    ready: true,
    leftOut: leftOut !== undefined,
  };
}
