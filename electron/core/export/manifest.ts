// The bundle's manifest.json: where the data came from, what each file holds (row counts, SHA-256) and how it
// validated.
import path from 'node:path';
import type { ValidationReport } from '../../../shared/balkanid/findings';
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

export interface BundleManifest {
  format: 'okta-prep/balkanid-upload-bundle';
  formatVersion: 1;
  appVersion: string;
  exportedAt: string;
  orgUrl: string;
  snapshot: {
    id: number;
    startedAt: string;
    finishedAt: string | null;
    incomplete: { objectKind: string; message: string }[];
  };
  files: { entities: ManifestFile; relations: ManifestFile };
  entities: { identity: { user: number }; connection: { group: number; role: number }; resource: { app: number } };
  relations: Record<string, number>;
  /** Relations in the snapshot that were not written because one end is not an entity of the snapshot. */
  relationsSkipped: Record<string, number>;
  options: ExportOptions;
  validation: { errors: number; warnings: number; byRule: Record<string, number> };
}

function fileEntry(summary: CsvFileSummary): ManifestFile {
  return { name: path.basename(summary.path), rows: summary.rows, bytes: summary.bytes, sha256: summary.sha256 };
}

export function buildManifest(input: {
  snapshot: SnapshotInfo;
  appVersion: string;
  options: ExportOptions;
  files: { entities: CsvFileSummary; relations: CsvFileSummary };
  entityCounts: Record<EntitySourceType, number>;
  relationCounts: Record<ExportedRelationKind, number>;
  skippedRelations: Record<string, number>;
  validation: ValidationReport;
}): BundleManifest {
  const { snapshot, entityCounts } = input;
  return {
    format: 'okta-prep/balkanid-upload-bundle',
    formatVersion: 1,
    appVersion: input.appVersion,
    exportedAt: new Date().toISOString(),
    orgUrl: snapshot.orgUrl,
    snapshot: {
      id: snapshot.id,
      startedAt: snapshot.startedAt,
      finishedAt: snapshot.finishedAt,
      incomplete: snapshot.gaps.map((gap) => ({ objectKind: gap.objectKind, message: gap.message })),
    },
    files: { entities: fileEntry(input.files.entities), relations: fileEntry(input.files.relations) },
    entities: {
      identity: { user: entityCounts.user },
      connection: { group: entityCounts.group, role: entityCounts.role },
      resource: { app: entityCounts.app },
    },
    relations: input.relationCounts,
    relationsSkipped: input.skippedRelations,
    options: input.options,
    validation: {
      errors: input.validation.errorCount,
      warnings: input.validation.warningCount,
      byRule: input.validation.countsByRule,
    },
  };
}
