// What checking a bundle folder against its manifest.json finds: each CSV the manifest lists, and each problem with a
// plain fix. Pure types and constants, shared by the checker, the CLI and the app's Upload screen.

/** The CSV files a bundle may hold, by their manifest key (`files.entities`, `files.relations`, ...). */
export const BUNDLE_CSV_KINDS = ['entities', 'relations', 'entitlements'] as const;
export type BundleCsvKind = (typeof BUNDLE_CSV_KINDS)[number];

export type BundleFindingCode =
  | 'folder-missing'
  | 'manifest-missing'
  | 'manifest-unreadable'
  | 'manifest-not-json'
  | 'manifest-shape'
  | 'file-missing'
  | 'file-unreadable'
  | 'size-mismatch'
  | 'checksum-mismatch'
  | 'row-count-mismatch'
  | 'validation-errors';

export interface BundleFinding {
  code: BundleFindingCode;
  /** The file the finding is about (a name inside the bundle folder), when it is about one. */
  file?: string;
  message: string;
  fix: string;
}

/** One CSV file as the manifest lists it, with what was found on disk. */
export interface CheckedBundleFile {
  kind: BundleCsvKind;
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** The file exists and its size, SHA-256 and record count are those of the manifest. */
  matches: boolean;
}

export interface BundleCheckReport {
  /** The bundle folder, as an absolute path. */
  dir: string;
  /** True when nothing blocks an upload. */
  ok: boolean;
  findings: BundleFinding[];
  files: CheckedBundleFile[];
  /** From the manifest, when it could be read. */
  orgUrl?: string;
  snapshotId?: number;
  validation?: { errors: number; warnings: number };
}
