// Checks one data row of an entities file and records its key for duplicate and cross-file checks.
import { ENTITY_COLUMNS } from '../../../../shared/balkanid/columns';
import { Row, checkCommonCells, checkEntityTypeCell, type CommonColumns } from './checkCells';
import { MetadataChecker, type MetadataResult } from './checkMetadata';
import type { CsvRow } from './csvRows';
import type { EntityKeys } from './entityKeys';
import type { FileFindings } from './findingCollector';

const ENTITY_TYPE = 2;
const SOURCE_ID = 4;
const METADATA_VERSION = 6;
const METADATA = 7;
/** App, Source System; required: Name, Entity Type, Source System, Source ID, Source Type. */
const COMMON: CommonColumns = { app: 0, sourceSystem: 3, required: [1, 2, 3, 4, 5] };

export class EntityRowChecker {
  private readonly row: Row;
  private readonly metadata = new MetadataChecker(false);

  constructor(
    private readonly findings: FileFindings,
    private readonly keys: EntityKeys,
  ) {
    this.row = new Row(ENTITY_COLUMNS, findings);
  }

  check(record: CsvRow): void {
    const row = this.row.of(record);
    if (!checkCommonCells(row, COMMON)) return;
    const entityType = checkEntityTypeCell(row, ENTITY_TYPE);
    const metadata = this.metadata.check(row, METADATA_VERSION, METADATA);
    if (entityType === 'identity') checkIdentityHasUsername(row, metadata);
    if (entityType && !row.isEmpty(SOURCE_ID)) this.keys.addEntity(row.cell(SOURCE_ID), entityType, row.line);
  }
}

function checkIdentityHasUsername(row: Row, metadata: MetadataResult): void {
  if (metadata.kind === 'invalid') return; // already an error
  if (metadata.kind === 'object' && metadata.hasUsernameOrEmail) return;
  row.addCell(
    'identity-without-username',
    METADATA,
    `${row.where(METADATA)}: identity "${row.cell(SOURCE_ID)}" has neither "username" nor "email" in its Metadata.`,
  );
}
