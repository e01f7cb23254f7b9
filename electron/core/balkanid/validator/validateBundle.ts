// Validates an entities / entity-relations CSV pair (either may be absent) against Part C of balkanid-format.md.
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../../shared/balkanid/columns';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import type { HeaderSpec } from './checkHeader';
import { checkEntityRow } from './checkEntityRows';
import { checkRelationRow, relationKey } from './checkRelationRows';
import { reportDuplicateRelations, reportUnreferencedEntities } from './crossFileChecks';
import { EntityIndex } from './entityIndex';
import { FindingCollector, type FileFindings } from './findingCollector';
import { openCsvSource, readCsvRecords, type CsvSource, type OpenedCsv } from './readCsvRecords';
import { RelationDuplicateFinder } from './relationDuplicates';
import { scanCsvFile, type FileScanResult } from './scanCsvFile';

export interface ValidateOptions {
  /** Findings kept per rule (counts stay complete). Default 1000. */
  maxFindingsPerRule?: number;
}

const ENTITIES_SPEC: HeaderSpec = {
  columns: ENTITY_COLUMNS,
  otherColumns: RELATION_COLUMNS,
  fileLabel: 'entities',
  otherFileLabel: 'entity-relations',
};
const RELATIONS_SPEC: HeaderSpec = {
  columns: RELATION_COLUMNS,
  otherColumns: ENTITY_COLUMNS,
  fileLabel: 'entity-relations',
  otherFileLabel: 'entities',
};

/**
 * Validates files on disk. Bad content becomes findings; only an unreadable file throws
 * (`cannot read entities file /x/y.csv: ENOENT: …`).
 */
export async function validateCsvFiles(
  input: { entitiesPath?: string; relationsPath?: string },
  options?: ValidateOptions,
): Promise<ValidationReport> {
  return validateCsvSources(
    {
      entities: input.entitiesPath === undefined ? undefined : { path: input.entitiesPath },
      relations: input.relationsPath === undefined ? undefined : { path: input.relationsPath },
    },
    options,
  );
}

/** Same as validateCsvFiles, for files or in-memory bytes. */
export async function validateCsvSources(
  input: { entities?: CsvSource; relations?: CsvSource },
  options?: ValidateOptions,
): Promise<ValidationReport> {
  const entities = input.entities && (await openCsvSource(input.entities, 'entities'));
  let relations: OpenedCsv | undefined;
  try {
    relations = input.relations && (await openCsvSource(input.relations, 'relations'));
  } catch (error) {
    await entities?.close();
    throw error;
  }
  try {
    return await validateOpened(input, entities, relations, new FindingCollector(options?.maxFindingsPerRule));
  } finally {
    await entities?.close();
    await relations?.close();
  }
}

async function validateOpened(
  input: { entities?: CsvSource; relations?: CsvSource },
  entities: OpenedCsv | undefined,
  relations: OpenedCsv | undefined,
  collector: FindingCollector,
): Promise<ValidationReport> {
  const files: ValidationReport['files'] = {};
  let index: EntityIndex | undefined;
  if (input.entities && entities) {
    const built = new EntityIndex();
    const findings = collector.forFile('entities');
    const scan = await scanCsvFile(entities.chunks, ENTITIES_SPEC, findings, (record) =>
      checkEntityRow(record, findings, built),
    );
    files.entities = { path: describeSource(input.entities), rows: scan.rows };
    if (scan.headerOk) index = built; // with a wrong header the keys mean nothing
  }
  let relationsScan: FileScanResult | undefined;
  if (input.relations && relations) {
    relationsScan = await validateRelations(input.relations, relations, collector.forFile('relations'), index);
    files.relations = { path: describeSource(input.relations), rows: relationsScan.rows };
  }
  const unreferenced =
    index && relationsScan?.headerOk ? reportUnreferencedEntities(index, collector.forFile('entities')) : null;
  return collector.report(files, unreferenced);
}

async function validateRelations(
  source: CsvSource,
  opened: OpenedCsv,
  findings: FileFindings,
  index: EntityIndex | undefined,
): Promise<FileScanResult> {
  const duplicates = new RelationDuplicateFinder();
  const scan = await scanCsvFile(opened.chunks, RELATIONS_SPEC, findings, (record) =>
    checkRelationRow(record, findings, duplicates, index),
  );
  if (!scan.headerOk || !duplicates.needsConfirmation) return scan;
  const again = await openCsvSource(source, 'relations');
  try {
    await reportDuplicateRelations(duplicates, () => relationKeys(again), findings);
  } finally {
    await again.close();
  }
  return scan;
}

/** Second, light pass over the relations file: line and key of each data row, nothing else. */
async function* relationKeys(opened: OpenedCsv): AsyncGenerator<{ line: number; key: string | undefined }> {
  let headerSeen = false;
  for await (const record of readCsvRecords(opened.chunks, () => undefined)) {
    if (record.blank) continue;
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    yield { line: record.line, key: record.unterminated ? undefined : relationKey(record) };
  }
}

function describeSource(source: CsvSource): string {
  return 'path' in source ? source.path : '(in memory)';
}
