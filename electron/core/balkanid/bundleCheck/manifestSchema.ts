// The part of manifest.json an upload relies on, as a JSON Schema checked with ajv: the bundle format, each CSV file's
// name, rows, bytes and SHA-256, and the validation summary. Other fields are left to the exporter; a later format may
// add some without breaking this check. Format version 1 gives one file per kind; version 2 a list of parts per kind
// (one unless the export was split), in the order they are uploaded.
import Ajv, { type ErrorObject } from 'ajv';
import { BUNDLE_CSV_KINDS, type BundleCsvKind } from '../../../../shared/balkanid/bundleCheck';

export interface ManifestFileEntry {
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface UploadableManifest {
  format: 'okta-prep/balkanid-upload-bundle';
  formatVersion: 1 | 2;
  orgUrl?: string;
  snapshot?: { id?: number };
  files: Partial<Record<BundleCsvKind, ManifestFileEntry | ManifestFileEntry[]>>;
  validation: { errors: number; warnings: number };
  /** The export published files whose validation found errors because the user asked (--allow-invalid). */
  publishedDespiteErrors?: boolean;
}

const count = { type: 'integer', minimum: 0 };
const fileEntry = {
  type: 'object',
  required: ['name', 'rows', 'bytes', 'sha256'],
  properties: {
    // A plain file name in the bundle folder: no folder part, no leading dot (`..`), so a manifest can never point the
    // upload at a file elsewhere on the computer.
    name: { type: 'string', maxLength: 255, pattern: '^[^/\\\\.\\u0000][^/\\\\\\u0000]*\\.csv$' },
    rows: count,
    bytes: count,
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
};

const common = {
  format: { const: 'okta-prep/balkanid-upload-bundle' },
  orgUrl: { type: 'string' },
  snapshot: { type: 'object', properties: { id: count } },
  validation: { type: 'object', required: ['errors', 'warnings'], properties: { errors: count, warnings: count } },
};
const parts = { type: 'array', minItems: 1, maxItems: 100_000, items: fileEntry };

export const MANIFEST_SCHEMA = {
  type: 'object',
  required: ['format', 'formatVersion', 'files', 'validation'],
  properties: { ...common, formatVersion: { enum: [1, 2] } },
  if: { properties: { formatVersion: { const: 1 } } },
  then: {
    properties: {
      files: {
        type: 'object',
        required: ['entities'],
        properties: Object.fromEntries(BUNDLE_CSV_KINDS.map((kind) => [kind, fileEntry])),
      },
    },
  },
  else: {
    properties: {
      files: {
        type: 'object',
        anyOf: [{ required: ['entities'] }, { required: ['entitlements'] }],
        properties: Object.fromEntries(BUNDLE_CSV_KINDS.map((kind) => [kind, parts])),
      },
    },
  },
} as const;

/** The manifest's CSV files in upload order (entities, relations, entitlements; each kind's parts in order). */
export function manifestFiles(manifest: UploadableManifest): { kind: BundleCsvKind; entry: ManifestFileEntry }[] {
  return BUNDLE_CSV_KINDS.flatMap((kind) => {
    const listed = manifest.files[kind];
    const entries = listed === undefined ? [] : Array.isArray(listed) ? listed : [listed];
    return entries.map((entry) => ({ kind, entry }));
  });
}

let compiled: ReturnType<Ajv['compile']> | undefined;

/** The problems that make the value unusable as a manifest, in plain words; empty when it is usable. */
export function manifestShapeProblems(value: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(MANIFEST_SCHEMA);
  if (compiled(value)) return duplicateNames(value as UploadableManifest);
  // `if` only says which branch failed, and `anyOf` repeats each branch's `required`: said once, in plain words.
  const errors = (compiled.errors ?? []).filter((error) => error.keyword !== 'if');
  const noCsv = errors.some((error) => error.keyword === 'anyOf');
  const described = errors
    .filter((error) => !(noCsv && (error.keyword === 'anyOf' || error.instancePath === '/files')))
    .map(describeSchemaError);
  return [...new Set([...(noCsv ? ['files lists neither entities nor entitlements'] : []), ...described])].slice(0, 5);
}

function duplicateNames(manifest: UploadableManifest): string[] {
  const names = manifestFiles(manifest).map(({ entry }) => entry.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  return repeated.map((name) => `files lists ${name} more than once`);
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the manifest' : error.instancePath.slice(1).replaceAll('/', '.');
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const missing = String(params.missingProperty);
    return where === 'the manifest' ? `it has no "${missing}"` : `${where} has no "${missing}"`;
  }
  if (error.keyword === 'const' && where === 'format') return 'it is not the manifest of an Okta Prep bundle';
  if (error.keyword === 'const') return `${where} must be ${JSON.stringify(params.allowedValue)}`;
  if (where.endsWith('.sha256')) return `${where} is not a SHA-256 (64 lowercase hex digits)`;
  if (where.endsWith('.name')) return `${where} is not the plain name of a .csv file in the bundle folder`;
  return `${where} ${error.message ?? 'is not valid'}`;
}
