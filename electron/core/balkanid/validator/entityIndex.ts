// Every entity key (Source ID + Entity Type) of an entities file, or of one spill partition of it, with its line and
// whether a relation mentions it. Exact: Source IDs are kept whole and compared.
//
// An open-addressing hash table over typed arrays, with the Source IDs kept as strings for exact comparison: about
// three times faster than a Map with a million keys, and without per-entry objects.
import { ENTITY_TYPES, type EntityType } from '../../../../shared/balkanid/columns';
import type { CsvRow } from './csvRows';
import { hashString } from './spill/hashing';
import { ownCopy } from './ownCopy';

export interface UnreferencedSummary {
  count: number;
  total: number;
  first?: { line: number; sourceId: string; entityType: string };
}

const INITIAL_CAPACITY = 1 << 12;

/** 0, 1, 2 for identity, connection, resource; -1 for anything else. */
export function typeCode(entityType: string): number {
  return (ENTITY_TYPES as readonly string[]).indexOf(entityType);
}
/** A kept Source ID's string (header, pointer) and the per-entity arrays and table slots, roughly, beyond its chars. */
const BYTES_PER_ENTITY = 80;

export class EntityIndex {
  /** Hash table: entity number + 1 (0 = empty slot), and the Source ID hash of that entity. */
  private table = new Uint32Array(INITIAL_CAPACITY);
  private tableHash = new Uint32Array(INITIAL_CAPACITY);
  /** Per entity, in file order. */
  private readonly sourceIds: string[] = [];
  private typeCodes = new Uint8Array(INITIAL_CAPACITY);
  private lines = new Uint32Array(INITIAL_CAPACITY);
  private referenced = new Uint8Array(INITIAL_CAPACITY);
  private chars = 0;
  /** Each entity's place among all sorted by Source ID and type; made on first use, after the entities file. */
  private ranks: Uint32Array | undefined;

  get size(): number {
    return this.sourceIds.length;
  }

  /** What the index takes in memory, roughly: the budget that decides when entities spill to disk. */
  get estimatedBytes(): number {
    return this.size * BYTES_PER_ENTITY + 2 * this.chars;
  }

  /**
   * Records an entity of one of the three types (a row with another type is an error already, and is not an entity);
   * returns the line of the earlier row when the key was already listed.
   */
  add(sourceId: string, entityType: EntityType, line: number): number | undefined {
    const code = typeCode(entityType);
    const hash = hashString(sourceId);
    const found = this.find(sourceId, code, hash);
    if (found >= 0) return this.lines[found];
    if ((this.size + 1) * 2 > this.table.length) this.growTable();
    if (this.size === this.lines.length) this.growEntities();
    const entity = this.size;
    this.ranks = undefined;
    this.sourceIds.push(ownCopy(sourceId));
    this.chars += sourceId.length;
    this.typeCodes[entity] = code;
    this.lines[entity] = line;
    this.place(entity, hash);
    return undefined;
  }

  /** The entity's number (file order), marked as mentioned by a relation; -1 when no such entity exists. */
  reference(sourceId: string, entityType: string): number {
    const code = typeCode(entityType);
    if (code < 0) return -1;
    const entity = this.find(sourceId, code, hashString(sourceId));
    if (entity >= 0) this.referenced[entity] = 1;
    return entity;
  }

  /** reference() for a cell of a row, without making the cell's string. */
  referenceCell(row: CsvRow, index: number, entityType: string): number {
    const code = typeCode(entityType);
    if (code < 0) return -1;
    const mask = this.table.length - 1;
    const hash = row.hashCell(index);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.table[slot]!;
      if (stored === 0) return -1;
      const entity = stored - 1;
      if (
        this.tableHash[slot] === hash &&
        this.typeCodes[entity] === code &&
        row.cellEquals(index, this.sourceIds[entity]!)
      ) {
        this.referenced[entity] = 1;
        return entity;
      }
    }
  }

  /** The standard entity types under which this Source ID is listed. */
  typesOf(sourceId: string): string[] {
    const hash = hashString(sourceId);
    return ENTITY_TYPES.filter((type) => this.find(sourceId, typeCode(type), hash) >= 0);
  }

  /** Source ID and type of an entity number. */
  describe(entity: number): { sourceId: string; entityType: string } {
    return { sourceId: this.sourceIds[entity]!, entityType: ENTITY_TYPES[this.typeCodes[entity]!]! };
  }

  /**
   * Orders two entities by Source ID, then type name (as a sorted relations file lists its ends). Each entity's place
   * in that order is worked out once, so comparing is comparing two numbers: it runs for every relation.
   */
  compare(a: number, b: number): number {
    const ranks = (this.ranks ??= this.rankEntities());
    return ranks[a]! - ranks[b]!;
  }

  private rankEntities(): Uint32Array {
    const order = Array.from({ length: this.size }, (_, entity) => entity);
    const typeName = (entity: number) => ENTITY_TYPES[this.typeCodes[entity]!]!;
    order.sort((a, b) => {
      const idA = this.sourceIds[a]!;
      const idB = this.sourceIds[b]!;
      if (idA !== idB) return idA < idB ? -1 : 1;
      return typeName(a) < typeName(b) ? -1 : typeName(a) > typeName(b) ? 1 : 0;
    });
    const ranks = new Uint32Array(this.size);
    order.forEach((entity, rank) => (ranks[entity] = rank));
    return ranks;
  }

  /** Every entity in file order, with its line (to spill them). */
  *entries(): Generator<{ sourceId: string; entityType: string; line: number }> {
    for (let entity = 0; entity < this.size; entity++) yield { ...this.describe(entity), line: this.lines[entity]! };
  }

  unreferenced(): UnreferencedSummary {
    let count = 0;
    let first: UnreferencedSummary['first'];
    for (let entity = 0; entity < this.size; entity++) {
      if (this.referenced[entity]) continue;
      count++;
      first ??= { line: this.lines[entity]!, ...this.describe(entity) };
    }
    return first ? { count, total: this.size, first } : { count, total: this.size };
  }

  /** Entity number, or -1. */
  private find(sourceId: string, code: number, hash: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.table[slot]!;
      if (stored === 0) return -1;
      const entity = stored - 1;
      if (this.tableHash[slot] === hash && this.typeCodes[entity] === code && this.sourceIds[entity] === sourceId)
        return entity;
    }
  }

  private place(entity: number, hash: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = entity + 1;
    this.tableHash[slot] = hash;
  }

  private growTable(): void {
    const { table, tableHash } = this;
    this.table = new Uint32Array(table.length * 2);
    this.tableHash = new Uint32Array(table.length * 2);
    for (let slot = 0; slot < table.length; slot++) {
      if (table[slot] !== 0) this.place(table[slot]! - 1, tableHash[slot]!);
    }
  }

  private growEntities(): void {
    const grow = <T extends Uint8Array | Uint32Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.typeCodes = grow(this.typeCodes, (n) => new Uint8Array(n));
    this.lines = grow(this.lines, (n) => new Uint32Array(n));
    this.referenced = grow(this.referenced, (n) => new Uint8Array(n));
  }
}
