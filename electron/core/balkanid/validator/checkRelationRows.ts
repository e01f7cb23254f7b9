// Checks one data row of an entity-relations file: cells, types, Metadata, an entity related to itself, repeats, and
// (when entities are known) both ends.
import { RELATION_COLUMNS, type EntityType } from '../../../../shared/balkanid/columns';
import { Row, checkCommonCells, checkEntityTypeCell, type CommonColumns } from './checkCells';
import { MetadataChecker } from './checkMetadata';
import type { CsvRow } from './csvRows';
import { RELATION_ENDS, type EntityKeys, type RelationEnd } from './entityKeys';
import type { FileFindings } from './findingCollector';
import type { RelationDuplicates, RelationKeyParts } from './relationDuplicates';

const METADATA_VERSION = 6;
const METADATA = 7;
/** App, Source System; required: Parent Entity Source ID, Parent Entity Type, Entity Source ID, Entity Type, Source
 * System. */
const COMMON: CommonColumns = { app: 0, sourceSystem: 5, required: [1, 2, 3, 4, 5] };
const [PARENT, CHILD] = RELATION_ENDS;

export class RelationRowChecker {
  private readonly row: Row;
  private readonly metadata = new MetadataChecker(true);

  /** `entities` is undefined when no (usable) entities file was given: the ends are then not checked. */
  constructor(
    private readonly findings: FileFindings,
    private readonly duplicates: RelationDuplicates,
    private readonly entities: EntityKeys | undefined,
  ) {
    this.row = new Row(RELATION_COLUMNS, findings);
  }

  check(record: CsvRow): void {
    const row = this.row.of(record);
    if (!checkCommonCells(row, COMMON)) return;
    const parentType = checkEntityTypeCell(row, PARENT.typeIndex);
    const childType = checkEntityTypeCell(row, CHILD.typeIndex);
    this.metadata.check(row, METADATA_VERSION, METADATA);
    if ([PARENT.idIndex, PARENT.typeIndex, CHILD.idIndex, CHILD.typeIndex].some((index) => row.isEmpty(index))) return;
    if (parentType !== undefined && parentType === childType && row.cell(PARENT.idIndex) === row.cell(CHILD.idIndex))
      reportSelfRelation(row, keyParts(row));
    const parent = parentType ? this.checkEnd(record, PARENT, parentType) : -1;
    const child = childType ? this.checkEnd(record, CHILD, childType) : -1;
    if (parent !== undefined && parent >= 0 && child !== undefined && child >= 0)
      this.duplicates.addKnown(parent, child, row.line, row, keyParts);
    else this.duplicates.addText(keyParts(row), row.line);
  }

  /** The entity number, -1 when unknown or not checked, undefined when the check waits for the end. */
  private checkEnd(record: CsvRow, end: RelationEnd, entityType: EntityType): number | undefined {
    if (!this.entities) return -1;
    return this.entities.checkEnd(end, record, entityType);
  }
}

function keyParts(row: Row): RelationKeyParts {
  return {
    parentId: row.cell(PARENT.idIndex),
    parentType: row.cell(PARENT.typeIndex),
    childId: row.cell(CHILD.idIndex),
    childType: row.cell(CHILD.typeIndex),
  };
}

function reportSelfRelation(row: Row, parts: RelationKeyParts): void {
  row.addCell(
    'self-relation',
    CHILD.idIndex,
    `${row.where(CHILD.idIndex)}: the relation goes from ${parts.parentType} "${parts.parentId}" to itself.`,
  );
}
