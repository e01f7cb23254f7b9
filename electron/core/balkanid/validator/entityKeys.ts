// The cross-file index: entity keys from the entities file, looked up by each relation end. In memory while it fits
// the budget; past it, every entity key and every relation end goes to spill partitions by Source ID, and each
// partition is checked on its own at the end (exact: keys are compared whole, whatever the hashes do).
import { ENTITY_TYPES, type EntityType } from '../../../../shared/balkanid/columns';
import type { CsvRow } from './csvRows';
import { EntityIndex, typeCode, type UnreferencedSummary } from './entityIndex';
import type { FileFindings } from './findingCollector';
import { hashBytes, hashString } from './spill/hashing';
import { forEachPartition, SpillPartitions } from './spill/spillPartitions';
import type { SpillFolder } from './spill/spillFolder';

export interface RelationEnd {
  idIndex: number;
  typeIndex: number;
  idColumn: 'Parent Entity Source ID' | 'Entity Source ID';
  label: 'parent' | 'child';
}

export const RELATION_ENDS: readonly [RelationEnd, RelationEnd] = [
  { idIndex: 1, typeIndex: 2, idColumn: 'Parent Entity Source ID', label: 'parent' },
  { idIndex: 3, typeIndex: 4, idColumn: 'Entity Source ID', label: 'child' },
];

const ENTITY_ID_COLUMN = 5; // 1-based position of Source ID in the entities file
const PARTITIONS = 64;
const PARTITION_SEED = 0x5eed;
const ENTITY_TAG = 1;
const END_TAG = 2;
const ENTITY_ID_AT = 6;
const END_ID_AT = 7;
const BYTES_PER_SPILLED_ENTITY = 72;

export function reportDuplicateEntity(
  findings: FileFindings,
  line: number,
  sourceId: string,
  entityType: string,
  firstLine: number,
): void {
  findings.add({
    rule: 'duplicate-entity',
    line,
    column: 'Source ID',
    columnNumber: ENTITY_ID_COLUMN,
    value: sourceId,
    message:
      `Line ${line}, column "Source ID": Source ID "${sourceId}" with Entity Type "${entityType}" was already ` +
      `listed on line ${firstLine}.`,
  });
}

function reportUnknownEnd(
  findings: FileFindings,
  line: number,
  end: RelationEnd,
  sourceId: string,
  entityType: string,
  listedAs: string[],
): void {
  const detail =
    listedAs.length > 0
      ? `the entities file lists "${sourceId}" as ${listedAs.join(' and ')}, not as ${entityType}`
      : `no entity in the entities file has this Source ID`;
  findings.add({
    rule: 'unknown-relation-end',
    line,
    column: end.idColumn,
    columnNumber: end.idIndex + 1,
    value: sourceId,
    message:
      `Line ${line}, column "${end.idColumn}": the ${end.label} end "${sourceId}" (${entityType}) is not among ` +
      `the entities: ${detail}.`,
  });
}

export class EntityKeys {
  private index: EntityIndex | undefined = new EntityIndex();
  private spilled: SpillPartitions | undefined;
  /** The last look-up of each end: sorted files repeat the parent on row after row. */
  private readonly lastEnds = [
    { sourceId: '', entityType: '', entity: -1 },
    { sourceId: '', entityType: '', entity: -1 },
  ];

  constructor(
    private readonly folder: SpillFolder,
    private readonly maxBytesInMemory: number,
    private readonly entityFindings: FileFindings,
    private readonly relationFindings: FileFindings,
  ) {}

  /** The in-memory index, while entities fit in memory (relation duplicates then use entity numbers). */
  get inMemory(): EntityIndex | undefined {
    return this.index;
  }

  addEntity(sourceId: string, entityType: EntityType, line: number): void {
    const index = this.index;
    if (!index) {
      this.writeRecord(ENTITY_TAG, sourceId, entityType, line, 0);
      return;
    }
    const firstLine = index.add(sourceId, entityType, line);
    if (firstLine !== undefined) reportDuplicateEntity(this.entityFindings, line, sourceId, entityType, firstLine);
    else if (index.estimatedBytes > this.maxBytesInMemory) this.spillIndex(index);
  }

  /**
   * Checks the end of a relation (a cell of `row`): the entity's number when known now, -1 when it is not an entity
   * (reported), undefined when left for finish().
   */
  checkEnd(end: RelationEnd, row: CsvRow, entityType: EntityType): number | undefined {
    const index = this.index;
    if (!index) {
      this.writeRecord(END_TAG, row.cell(end.idIndex), entityType, row.line, end === RELATION_ENDS[0] ? 0 : 1);
      return undefined;
    }
    const last = this.lastEnds[end === RELATION_ENDS[0] ? 0 : 1]!;
    if (last.entity >= 0 && last.entityType === entityType && row.cellEquals(end.idIndex, last.sourceId))
      return last.entity;
    const entity = index.referenceCell(row, end.idIndex, entityType);
    if (entity >= 0) {
      last.sourceId = index.describe(entity).sourceId;
      last.entityType = entityType;
      last.entity = entity;
      return entity;
    }
    const sourceId = row.cell(end.idIndex);
    const listedAs = index.typesOf(sourceId).filter((type) => type !== entityType);
    reportUnknownEnd(this.relationFindings, row.line, end, sourceId, entityType, listedAs);
    return entity;
  }

  /** Checks what was spilled; returns the entities no relation mentions. */
  async finish(signal?: AbortSignal): Promise<UnreferencedSummary> {
    if (this.index) return this.index.unreferenced();
    const summary: UnreferencedSummary = { count: 0, total: 0 };
    const spilled = this.spilled!;
    const options = {
      maxWeight: this.maxBytesInMemory,
      fanOut: 16,
      rehash: (payload: Buffer, depth: number) =>
        hashBytes(
          payload,
          payload[0] === ENTITY_TAG ? ENTITY_ID_AT : END_ID_AT,
          payload.length,
          PARTITION_SEED + depth,
        ),
      weigh: (payload: Buffer) =>
        payload[0] === ENTITY_TAG ? BYTES_PER_SPILLED_ENTITY + 2 * (payload.length - ENTITY_ID_AT) : 0,
      dir: this.folder.path,
      signal,
    };
    try {
      await forEachPartition(spilled, options, (records) => this.checkPartition(records, summary));
    } finally {
      spilled.remove();
    }
    return summary;
  }

  /** Entity records come first in every partition (the entities file is read first), then relation ends. */
  private checkPartition(records: Iterable<Buffer>, summary: UnreferencedSummary): void {
    const index = new EntityIndex();
    for (const payload of records) {
      const entityType = ENTITY_TYPES[payload[1]!]!;
      const line = payload.readUInt32LE(2);
      if (payload[0] === ENTITY_TAG) {
        const sourceId = payload.toString('utf8', ENTITY_ID_AT);
        const firstLine = index.add(sourceId, entityType, line);
        if (firstLine !== undefined) reportDuplicateEntity(this.entityFindings, line, sourceId, entityType, firstLine);
        continue;
      }
      const sourceId = payload.toString('utf8', END_ID_AT);
      if (index.reference(sourceId, entityType) >= 0) continue;
      const listedAs = index.typesOf(sourceId).filter((type) => type !== entityType);
      reportUnknownEnd(this.relationFindings, line, RELATION_ENDS[payload[6]!]!, sourceId, entityType, listedAs);
    }
    const part = index.unreferenced();
    summary.count += part.count;
    summary.total += part.total;
    if (part.first && (!summary.first || part.first.line < summary.first.line)) summary.first = part.first;
  }

  private spillIndex(index: EntityIndex): void {
    this.spilled = new SpillPartitions(this.folder.path, 'entities', PARTITIONS);
    this.index = undefined;
    for (const entity of index.entries())
      this.writeRecord(ENTITY_TAG, entity.sourceId, entity.entityType as EntityType, entity.line, 0);
  }

  private writeRecord(tag: number, sourceId: string, entityType: EntityType, line: number, end: number): void {
    const at = tag === ENTITY_TAG ? ENTITY_ID_AT : END_ID_AT;
    const payload = Buffer.allocUnsafe(at + Buffer.byteLength(sourceId, 'utf8'));
    payload[0] = tag;
    payload[1] = typeCode(entityType);
    payload.writeUInt32LE(line, 2);
    if (tag === END_TAG) payload[6] = end;
    payload.write(sourceId, at, 'utf8');
    const weight = tag === ENTITY_TAG ? BYTES_PER_SPILLED_ENTITY + 2 * sourceId.length : 0;
    this.spilled!.write(hashString(sourceId, PARTITION_SEED) % PARTITIONS, payload, weight);
  }
}
