// Checks one data row of an entity-relations file: cells, types, Metadata, repeats, and (when entities are known) both
// ends.
import { RELATION_COLUMNS, REQUIRED_RELATION_COLUMNS } from '../../../../shared/balkanid/columns';
import {
  Row,
  checkCellCount,
  checkEntityTypeCell,
  checkEveryCell,
  checkMetadata,
  checkOktaValues,
  checkRequiredCells,
} from './checkCells';
import type { CsvRecord } from './csvTokenizer';
import type { EntityIndex } from './entityIndex';
import type { FileFindings } from './findingCollector';
import type { RelationDuplicateFinder } from './relationDuplicates';

export interface RelationEnd {
  idColumn: 'Parent Entity Source ID' | 'Entity Source ID';
  typeColumn: 'Parent Entity Type' | 'Entity Type';
  label: string;
}

export const RELATION_ENDS: readonly RelationEnd[] = [
  { idColumn: 'Parent Entity Source ID', typeColumn: 'Parent Entity Type', label: 'parent' },
  { idColumn: 'Entity Source ID', typeColumn: 'Entity Type', label: 'child' },
];

/** `entities` is undefined when no (usable) entities file was given: the ends are then not checked. */
export function checkRelationRow(
  record: CsvRecord,
  findings: FileFindings,
  duplicates: RelationDuplicateFinder,
  entities: EntityIndex | undefined,
): void {
  const row = new Row(record, RELATION_COLUMNS, findings);
  if (!checkCellCount(row)) return;
  checkEveryCell(row);
  checkRequiredCells(row, REQUIRED_RELATION_COLUMNS);
  checkOktaValues(row);
  const [parentEnd, childEnd] = RELATION_ENDS as [RelationEnd, RelationEnd];
  const parentTypeValid = checkEntityTypeCell(row, parentEnd.typeColumn);
  const childTypeValid = checkEntityTypeCell(row, childEnd.typeColumn);
  checkMetadata(row);
  const key = relationKey(record);
  if (key !== undefined) duplicates.add(key, row.line);
  if (entities && parentTypeValid) checkRelationEnd(row, parentEnd, entities);
  if (entities && childTypeValid) checkRelationEnd(row, childEnd, entities);
}

/**
 * The identity of a relation (both ends with their types); undefined when an end is incomplete or the row is malformed.
 */
export function relationKey(record: CsvRecord): string | undefined {
  if (record.cellCount !== RELATION_COLUMNS.length) return undefined;
  const [, parentId, parentType, childId, childType] = record.cells as [string, string, string, string, string];
  if (parentId === '' || parentType === '' || childId === '' || childType === '') return undefined;
  return `${parentId}\u0000${parentType}\u0000${childId}\u0000${childType}`;
}

function checkRelationEnd(row: Row, end: RelationEnd, entities: EntityIndex): void {
  const sourceId = row.cell(end.idColumn);
  const entityType = row.cell(end.typeColumn);
  if (sourceId === '' || entities.markReferenced(sourceId, entityType)) return;
  const listedAs = entities.typesOf(sourceId).filter((type) => type !== entityType);
  const detail =
    listedAs.length > 0
      ? `the entities file lists "${sourceId}" as ${listedAs.join(' and ')}, not as ${entityType}`
      : `no entity in the entities file has this Source ID`;
  row.findings.add({
    rule: 'unknown-relation-end',
    line: row.line,
    column: end.idColumn,
    value: sourceId,
    message:
      `${row.where(end.idColumn)}: the ${end.label} end "${sourceId}" (${entityType}) is not among the ` +
      `entities: ${detail}.`,
  });
}
