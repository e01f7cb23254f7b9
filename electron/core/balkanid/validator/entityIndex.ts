// The one in-memory set the validator keeps: every entity key (Source ID + Entity Type), with its line and whether a
// relation mentions it.
//
// An open-addressing hash table over typed arrays, with the Source IDs kept as strings for exact comparison: about
// three times faster than a Map with a million keys, and without per-entry objects.
import { ENTITY_TYPES } from '../../../../shared/balkanid/columns';

export interface UnreferencedSummary {
  count: number;
  total: number;
  first?: { line: number; sourceId: string; entityType: string };
}

/**
 * Cells are slices of a large decoded chunk; keeping a slice would keep the whole chunk alive (and, over a file, the
 * whole file). Concatenating and slicing again yields a string that owns only its own characters.
 */
function ownCopy(text: string): string {
  return (text + ' ').slice(0, -1);
}

/** FNV-1a with a final mix; collisions only cost a string comparison. */
function hashId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const INITIAL_CAPACITY = 1 << 12;

export class EntityIndex {
  /** Hash table: entity number + 1 (0 = empty slot), and the Source ID hash of that entity. */
  private table = new Uint32Array(INITIAL_CAPACITY);
  private tableHash = new Uint32Array(INITIAL_CAPACITY);
  /** Per entity, in file order. */
  private readonly sourceIds: string[] = [];
  private typeCodes = new Uint16Array(INITIAL_CAPACITY);
  private lines = new Uint32Array(INITIAL_CAPACITY);
  private referenced = new Uint8Array(INITIAL_CAPACITY);
  private readonly codeByType = new Map<string, number>();
  private readonly typeNames: string[] = [];

  get size(): number {
    return this.sourceIds.length;
  }

  /** Records an entity; returns the line of the earlier row when the key was already listed. */
  add(sourceId: string, entityType: string, line: number): number | undefined {
    const code = this.codeFor(entityType);
    const hash = hashId(sourceId);
    const found = this.find(sourceId, code, hash);
    if (found >= 0) return this.lines[found];
    if ((this.size + 1) * 2 > this.table.length) this.growTable();
    if (this.size === this.lines.length) this.growEntities();
    const entity = this.size;
    this.sourceIds.push(ownCopy(sourceId));
    this.typeCodes[entity] = code;
    this.lines[entity] = line;
    this.place(entity, hash);
    return undefined;
  }

  /** Marks the entity as mentioned by a relation; false when no such entity exists. */
  markReferenced(sourceId: string, entityType: string): boolean {
    const code = this.codeByType.get(entityType);
    if (code === undefined) return false;
    const entity = this.find(sourceId, code, hashId(sourceId));
    if (entity < 0) return false;
    this.referenced[entity] = 1;
    return true;
  }

  /** The standard entity types under which this Source ID is listed. */
  typesOf(sourceId: string): string[] {
    const hash = hashId(sourceId);
    return ENTITY_TYPES.filter((type) => {
      const code = this.codeByType.get(type);
      return code !== undefined && this.find(sourceId, code, hash) >= 0;
    });
  }

  unreferenced(): UnreferencedSummary {
    let count = 0;
    let first: UnreferencedSummary['first'];
    for (let entity = 0; entity < this.size; entity++) {
      if (this.referenced[entity]) continue;
      count++;
      first ??= {
        line: this.lines[entity]!,
        sourceId: this.sourceIds[entity]!,
        entityType: this.typeNames[this.typeCodes[entity]!]!,
      };
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

  private codeFor(entityType: string): number {
    let code = this.codeByType.get(entityType);
    if (code === undefined) {
      code = this.typeNames.length;
      const name = ownCopy(entityType);
      this.typeNames.push(name);
      this.codeByType.set(name, code);
    }
    return code;
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
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.typeCodes = grow(this.typeCodes, (n) => new Uint16Array(n));
    this.lines = grow(this.lines, (n) => new Uint32Array(n));
    this.referenced = grow(this.referenced, (n) => new Uint8Array(n));
  }
}
