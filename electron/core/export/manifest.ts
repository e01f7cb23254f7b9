// The bundle's manifest.json: where the data came from, what each file holds (row counts, SHA-256) and how it
// validated.
import path from 'node:path';
import type { BundleCsvFile } from '../../../shared/balkanid/bundleFileNames';
import type { ExportFormat } from '../../../shared/balkanid/entitlements';
import type { Finding, RuleId, Severity, ValidationReport } from '../../../shared/balkanid/findings';
import type { CsvFileSummary } from '../balkanid/atomicCsvFile';
import type { SnapshotInfo } from '../store/snapshots';
import type { EntitySourceType } from './entityRecords';
import type { ExportOptions } from './exportOptions';
import type { ExportedRelationKind } from './relationRecords';

export interface ManifestFile {
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
}

function nestedEntityCounts(counts: Record<EntitySourceType, number>): BundleManifest['entities'] {
  return {
    identity: { user: counts.user },
    connection: { group: counts.group, role: counts.role },
    resource: { app: counts.app },
  };
}

/** A validation finding as the manifest keeps it: the file by its name in the folder. */
export interface ManifestFinding {
  file: string;
  line: number;
  column?: string;
  columnNumber?: number;
  rule: RuleId;
  severity: Severity;
  message: string;
  fix: string;
}

/** Findings kept in the manifest (errors first, then warnings, each by file and line); counts stay complete. */
export const MANIFEST_FINDINGS = 20;

/**
 * Format version 2: `files.<kind>` lists the file's parts in order (one part unless the export was split), and
 * `csvFormat` says which files the bundle holds. Version 1 (one object per kind, entities and relations only) is
 * still read by check-bundle and upload.
 */
export interface BundleManifest {
  /** Names the kind of file this is (an Okta Prep bundle manifest), whatever the CSV format inside. */
  format: 'okta-prep/balkanid-upload-bundle';
  formatVersion: 2;
  csvFormat: ExportFormat;
  appVersion: string;
  exportedAt: string;
  orgUrl: string;
  snapshot: {
    id: number;
    startedAt: string;
    finishedAt: string | null;
    incomplete: { objectKind: string; message: string }[];
  };
  files: Partial<Record<BundleCsvFile, ManifestFile[]>>;
  /** Entity rows per type (the entities-relations format). */
  entities?: { identity: { user: number }; connection: { group: number; role: number }; resource: { app: number } };
  /** Relation rows per kind (entities-relations), or entitlement rows per relation kind they come from. */
  relations?: Record<string, number>;
  entitlements?: Record<string, number>;
  /** Relations in the snapshot that were not written because one end is not an entity of the snapshot. */
  relationsSkipped: Record<string, number>;
  options: ExportOptions;
  validation: { errors: number; warnings: number; byRule: Record<string, number>; findings: ManifestFinding[] };
  /** The files carry the upload names although validation found errors (`allowInvalid`): upload still refuses them. */
  publishedDespiteErrors: boolean;
  /** The spreadsheet-safe copies in review/ (paths relative to the bundle folder); empty when none was asked for. */
  reviewCopy: string[];
}

/** The manifest entry of a written file, under the name it has in the folder. */
export function manifestFileEntry(name: string, summary: CsvFileSummary): ManifestFile {
  return { name: path.basename(name), rows: summary.rows, bytes: summary.bytes, sha256: summary.sha256 };
}

/** The first MANIFEST_FINDINGS findings, errors first; `fileName` gives each finding's file its name in the folder. */
export function manifestFindings(report: ValidationReport, fileName: (finding: Finding) => string): ManifestFinding[] {
  const errorsFirst = [...report.findings].sort(
    (a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'),
  );
  return errorsFirst.slice(0, MANIFEST_FINDINGS).map((finding) => ({
    file: fileName(finding),
    line: finding.line,
    ...(finding.column !== undefined && { column: finding.column }),
    ...(finding.columnNumber !== undefined && { columnNumber: finding.columnNumber }),
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    fix: finding.fix,
  }));
}

export interface ManifestInput {
  snapshot: SnapshotInfo;
  appVersion: string;
  options: ExportOptions;
  files: Partial<Record<BundleCsvFile, ManifestFile[]>>;
  entityCounts?: Record<EntitySourceType, number>;
  relationCounts?: Record<ExportedRelationKind, number>;
  entitlementCounts?: Record<string, number>;
  skippedRelations: Record<string, number>;
  validation: ValidationReport;
  findings: ManifestFinding[];
  reviewCopy: string[];
}

function snapshotEntry(snapshot: SnapshotInfo): BundleManifest['snapshot'] {
  return {
    id: snapshot.id,
    startedAt: snapshot.startedAt,
    finishedAt: snapshot.finishedAt,
    incomplete: snapshot.gaps.map((gap) => ({ objectKind: gap.objectKind, message: gap.message })),
  };
}

export function buildManifest(input: ManifestInput): BundleManifest {
  return {
    format: 'okta-prep/balkanid-upload-bundle',
    formatVersion: 2,
    csvFormat: input.options.format,
    appVersion: input.appVersion,
    exportedAt: new Date().toISOString(),
    orgUrl: input.snapshot.orgUrl,
    snapshot: snapshotEntry(input.snapshot),
    files: input.files,
    ...(input.entityCounts && { entities: nestedEntityCounts(input.entityCounts) }),
    ...(input.relationCounts && { relations: input.relationCounts }),
    ...(input.entitlementCounts && { entitlements: input.entitlementCounts }),
    relationsSkipped: input.skippedRelations,
    options: input.options,
    validation: {
      errors: input.validation.errorCount,
      warnings: input.validation.warningCount,
      byRule: input.validation.countsByRule,
      findings: input.findings,
    },
    publishedDespiteErrors: input.validation.errorCount > 0 && input.options.allowInvalid,
    reviewCopy: input.reviewCopy,
  };
}
