// Validates an entities / entity-relations CSV pair (either may be absent), or an entitlements file, against Part C of
// balkanid-format.md: streaming, in bounded memory at any file size (indexes spill to a private temp folder past their
// limits). A file an export split into parts is checked as the one file it stands for.
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../../shared/balkanid/columns';
import { ENTITLEMENT_COLUMNS } from '../../../../shared/balkanid/entitlements';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import type { HeaderSpec } from './checkHeader';
import { EntitlementRowChecker } from './checkEntitlementRows';
import { EntityRowChecker } from './checkEntityRows';
import { openCsvParts, openStreamedParts, placeFindingsInParts, type OpenedParts, type StreamedPart } from './csvParts';
import { looksLikeEntitlements } from './detectEntitlements';
import { RelationRowChecker } from './checkRelationRows';
import { reportUnreferencedEntities } from './crossFileChecks';
import { EntityKeys } from './entityKeys';
import { FindingCollector } from './findingCollector';
import { openCsvSource, type CsvSource, type OpenedCsv } from './readCsvRecords';
import { RelationDuplicates, type DuplicateLimits } from './relationDuplicates';
import { scanCsvFile, type FileScanResult } from './scanCsvFile';
import { SpillFolder } from './spill/spillFolder';
import { ProgressThrottle, ValidationCancelledError, type ValidationProgress } from './validationProgress';

export interface MemoryLimits extends DuplicateLimits {
  /** Estimated bytes of the in-memory entity index before entities spill to disk. */
  entityIndexBytes: number;
}

/**
 * Sized so a validation stays well under 250 MB of resident memory (the Node runtime itself takes about 50): the
 * 100,000 entities and 1,000,000 relations of a large org are checked in memory, anything larger spills.
 */
export const DEFAULT_MEMORY_LIMITS: MemoryLimits = {
  entityIndexBytes: 40 * 1024 * 1024,
  maxPairKeysInMemory: 1_400_000,
  maxTextKeyBytesInMemory: 16 * 1024 * 1024,
};

export interface ValidateOptions {
  /** Findings kept per rule (counts stay complete). Default 1000. */
  maxFindingsPerRule?: number;
  /** Aborting stops the validation with a ValidationCancelledError: no report at all. */
  signal?: AbortSignal;
  onProgress?: (progress: ValidationProgress) => void;
  /** Tests lower these to exercise spilling on small files. */
  memoryLimits?: Partial<MemoryLimits>;
  /** Where the spill folder goes (default: the system temp folder). */
  tempDir?: string;
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
const ENTITLEMENTS_SPEC: HeaderSpec = {
  columns: ENTITLEMENT_COLUMNS,
  otherColumns: ENTITY_COLUMNS,
  fileLabel: 'entitlements',
  otherFileLabel: 'entities',
};

/**
 * A file on disk or in memory, the parts of one file an export split (`{ parts: [paths in order] }`), or the parts of
 * one as an export writes them (`{ streamedParts }`: checked as they come, never read back from disk).
 */
export type ValidationSource =
  CsvSource | { parts: readonly string[] } | { streamedParts: AsyncIterable<StreamedPart> };
export interface ValidationSources {
  entities?: ValidationSource;
  relations?: ValidationSource;
  entitlements?: ValidationSource;
}
type SourceKind = keyof ValidationSources;
type Opened = Partial<Record<SourceKind, OpenedCsv | OpenedParts>>;

/**
 * Validates files on disk. Bad content becomes findings; only an unreadable file throws
 * (`cannot read entities file /x/y.csv: ENOENT: …`), and a cancelled validation (ValidationCancelledError).
 * A lone first file whose header is the entitlements one is checked as an entitlements file.
 */
export async function validateCsvFiles(
  input: { entitiesPath?: string; relationsPath?: string },
  options?: ValidateOptions,
): Promise<ValidationReport> {
  const entities = input.entitiesPath === undefined ? undefined : { path: input.entitiesPath };
  const relations = input.relationsPath === undefined ? undefined : { path: input.relationsPath };
  if (entities && !relations && (await looksLikeEntitlements(entities)))
    return validateCsvSources({ entitlements: entities }, options);
  return validateCsvSources({ entities, relations }, options);
}

/** Same as validateCsvFiles, for files, parts of files or in-memory bytes. */
export async function validateCsvSources(
  input: ValidationSources,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const opened: Opened = {};
  try {
    for (const kind of ['entities', 'relations', 'entitlements'] as const) {
      const source = input[kind];
      if (source) opened[kind] = await openValidationSource(source, kind);
    }
  } catch (error) {
    await closeAll(opened);
    throw error;
  }
  const size = Object.values(opened).reduce((sum, file) => sum + file.size, 0);
  const run = new ValidationRun(options, size);
  try {
    return placeInParts(await run.validate(input, opened), opened);
  } catch (error) {
    if (options.signal?.aborted) throw new ValidationCancelledError(options.signal.reason);
    throw error;
  } finally {
    run.folder.remove();
    await closeAll(opened);
  }
}

function openValidationSource(source: ValidationSource, kind: SourceKind): Promise<OpenedCsv | OpenedParts> {
  if ('streamedParts' in source) return Promise.resolve(openStreamedParts(source.streamedParts));
  return 'parts' in source ? openCsvParts(source.parts, kind) : openCsvSource(source, kind);
}

async function closeAll(opened: Opened): Promise<void> {
  for (const file of Object.values(opened)) await file.close();
}

function placeInParts(report: ValidationReport, opened: Opened): ValidationReport {
  for (const [kind, file] of Object.entries(opened) as [SourceKind, OpenedCsv | OpenedParts][])
    // A file that came in one part keeps its own lines, split or not (a split with one part is named so).
    if ('placeOf' in file && file.partCount > 1) placeFindingsInParts(report.findings, kind, file);
  return report;
}

/** One validation's shared parts: findings, spill folder, limits, progress. */
class ValidationRun {
  readonly folder: SpillFolder;
  private readonly collector: FindingCollector;
  private readonly limits: MemoryLimits;
  private readonly progress: ProgressThrottle;
  private bytesBefore = 0;

  constructor(
    private readonly options: ValidateOptions,
    private readonly bytesTotal: number,
  ) {
    this.folder = new SpillFolder(options.tempDir);
    this.collector = new FindingCollector(options.maxFindingsPerRule);
    this.limits = { ...DEFAULT_MEMORY_LIMITS, ...options.memoryLimits };
    this.progress = new ProgressThrottle(options.onProgress);
  }

  async validate(input: ValidationSources, opened: Opened): Promise<ValidationReport> {
    const { entities, relations, entitlements } = opened;
    const files: ValidationReport['files'] = {};
    if (input.entitlements && entitlements) {
      const checker = new EntitlementRowChecker(this.collector.forFile('entitlements'));
      const scan = await this.scan(entitlements, ENTITLEMENTS_SPEC, 'entitlements', (record) => checker.check(record));
      files.entitlements = { path: describeSource(input.entitlements), rows: scan.rows };
    }
    const entityFindings = this.collector.forFile('entities');
    const relationFindings = this.collector.forFile('relations');
    let keys: EntityKeys | undefined;
    if (input.entities && entities) {
      const built = new EntityKeys(this.folder, this.limits.entityIndexBytes, entityFindings, relationFindings);
      const checker = new EntityRowChecker(entityFindings, built);
      const scan = await this.scan(entities, ENTITIES_SPEC, 'entities', (record) => checker.check(record));
      files.entities = { path: describeSource(input.entities), rows: scan.rows };
      if (scan.headerOk) keys = built; // with a wrong header the keys mean nothing
    }
    let relationsScan: FileScanResult | undefined;
    if (input.relations && relations) {
      const duplicates = new RelationDuplicates(this.folder, this.limits, relationFindings, keys?.inMemory);
      const checker = new RelationRowChecker(relationFindings, duplicates, keys);
      relationsScan = await this.scan(relations, RELATIONS_SPEC, 'relations', (record) => checker.check(record));
      files.relations = { path: describeSource(input.relations), rows: relationsScan.rows };
      this.reportProgress('cross-file', 0);
      await duplicates.finish(this.options.signal);
    }
    this.reportProgress('cross-file', 0);
    const summary = await keys?.finish(this.options.signal);
    const unreferenced =
      summary && relationsScan?.headerOk ? reportUnreferencedEntities(summary, entityFindings) : null;
    this.options.signal?.throwIfAborted();
    return this.collector.report(files, unreferenced);
  }

  private async scan(
    opened: OpenedCsv,
    spec: HeaderSpec,
    phase: 'entities' | 'relations' | 'entitlements',
    onRow: Parameters<typeof scanCsvFile>[3],
  ): Promise<FileScanResult> {
    const findings = this.collector.forFile(phase);
    const scan = await scanCsvFile(opened.chunks, spec, findings, onRow, {
      signal: this.options.signal,
      onProgress: (bytesRead, rows) => this.reportProgress(phase, rows, bytesRead),
    });
    this.bytesBefore += opened.size;
    return scan;
  }

  private reportProgress(phase: ValidationProgress['phase'], rows: number, bytesRead = 0): void {
    const read = Math.min(this.bytesTotal, this.bytesBefore + bytesRead);
    this.progress.report({ phase, bytesRead: read, bytesTotal: this.bytesTotal, rows });
  }
}

function describeSource(source: ValidationSource): string {
  if ('streamedParts' in source) return '(as written)';
  if ('parts' in source) return source.parts[0] ?? '(no parts)';
  return 'path' in source ? source.path : '(in memory)';
}
