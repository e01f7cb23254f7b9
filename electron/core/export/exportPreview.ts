// The header and first rows of each file an export of a snapshot writes with the chosen options, byte for byte as
// written: entities.csv and entity-relations.csv, or entitlements.csv alone (the format chosen decides).
import { BUNDLE_FILE_NAMES, type BundleCsvFile } from '../../../shared/balkanid/bundleFileNames';
import { ENTITY_COLUMNS, RELATION_COLUMNS, entityCells, relationCells } from '../../../shared/balkanid/columns';
import { ENTITLEMENT_COLUMNS, entitlementCells } from '../../../shared/balkanid/entitlements';
import type { ExportPreview } from '../../../shared/service/types';
import { formatCsvRecord } from '../balkanid/csvDialect';
import type { Db } from '../store/openDatabase';
import { getSnapshot } from '../store/snapshots';
import { iterateEntitlementRecords } from './entitlementRecords';
import { iterateEntityRecords } from './entityRecords';
import { resolveExportOptions, type ExportOptionsInput } from './exportOptions';
import { iterateRelationRecords } from './relationRecords';

/** The first `count` items, and the query behind them closed. */
function firstOf<T>(iterator: Iterator<T>, count: number): T[] {
  const items: T[] = [];
  for (let next = iterator.next(); !next.done && items.length < count; next = iterator.next()) items.push(next.value);
  iterator.return?.(undefined);
  return items;
}

function previewFile(file: BundleCsvFile, header: readonly string[], rows: string[][]): ExportPreview['files'][number] {
  return {
    name: BUNDLE_FILE_NAMES[file],
    rows,
    text: [header, ...rows].map((cells) => formatCsvRecord(cells)).join(''),
  };
}

export function previewExport(db: Db, snapshotId: number, input: ExportOptionsInput, rowCount: number): ExportPreview {
  const snapshot = getSnapshot(db, snapshotId);
  if (!snapshot) throw new Error(`there is no snapshot ${snapshotId}`);
  const options = resolveExportOptions(input);
  if (options.format === 'entitlements') {
    const rows = firstOf(iterateEntitlementRecords(db, snapshotId, snapshot.orgUrl, options), rowCount);
    return {
      files: [
        previewFile(
          'entitlements',
          ENTITLEMENT_COLUMNS,
          rows.map((row) => entitlementCells(row.record)),
        ),
      ],
    };
  }
  const entities = firstOf(iterateEntityRecords(db, snapshotId, options, snapshot.includeFactors), rowCount);
  const relations = firstOf(iterateRelationRecords(db, snapshotId, snapshot.orgUrl, options), rowCount);
  return {
    files: [
      previewFile(
        'entities',
        ENTITY_COLUMNS,
        entities.map((row) => entityCells(row.record)),
      ),
      previewFile(
        'relations',
        RELATION_COLUMNS,
        relations.map((row) => relationCells(row.record)),
      ),
    ],
  };
}
