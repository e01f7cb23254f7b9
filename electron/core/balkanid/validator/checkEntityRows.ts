// Checks one data row of an entities file and records its key for duplicate and cross-file checks.
import { ENTITY_COLUMNS, REQUIRED_ENTITY_COLUMNS } from '../../../../shared/balkanid/columns';
import {
  Row,
  checkCellCount,
  checkEntityTypeCell,
  checkEveryCell,
  checkMetadata,
  checkOktaValues,
  checkRequiredCells,
  type MetadataResult,
} from './checkCells';
import type { CsvRecord } from './csvTokenizer';
import type { EntityIndex } from './entityIndex';
import type { FileFindings } from './findingCollector';

export function checkEntityRow(record: CsvRecord, findings: FileFindings, index: EntityIndex): void {
  const row = new Row(record, ENTITY_COLUMNS, findings);
  if (!checkCellCount(row)) return;
  checkEveryCell(row);
  checkRequiredCells(row, REQUIRED_ENTITY_COLUMNS);
  checkOktaValues(row);
  checkEntityTypeCell(row, 'Entity Type');
  const metadata = checkMetadata(row);
  if (row.cell('Entity Type') === 'identity') checkIdentityHasUsername(row, metadata);
  checkDuplicateEntity(row, index);
}

function checkIdentityHasUsername(row: Row, metadata: MetadataResult): void {
  if (metadata.kind === 'invalid') return; // already an error
  const filled = (key: string) =>
    metadata.kind === 'object' && typeof metadata.value[key] === 'string' && metadata.value[key] !== '';
  if (filled('username') || filled('email')) return;
  row.findings.add({
    rule: 'identity-without-username',
    line: row.line,
    column: 'Metadata',
    value: row.cell('Metadata'),
    message:
      `${row.where('Metadata')}: identity "${row.cell('Source ID')}" has neither "username" nor "email" in its ` +
      `Metadata.`,
  });
}

function checkDuplicateEntity(row: Row, index: EntityIndex): void {
  const sourceId = row.cell('Source ID');
  const entityType = row.cell('Entity Type');
  if (sourceId === '' || entityType === '') return;
  const firstLine = index.add(sourceId, entityType, row.line);
  if (firstLine === undefined) return;
  row.findings.add({
    rule: 'duplicate-entity',
    line: row.line,
    column: 'Source ID',
    value: sourceId,
    message:
      `${row.where('Source ID')}: Source ID "${sourceId}" with Entity Type "${entityType}" was already listed ` +
      `on line ${firstLine}.`,
  });
}
