// Repeated relations among relations whose two ends are known entities: the key is the pair of entity numbers, exact
// and eight bytes, so no relation text is kept. Past a size the keys go to spill partitions and are checked one
// partition at a time at the end.
import { hashPair } from './hashing';
import { forEachPartition, SpillPartitions } from './spillPartitions';
import type { SpillFolder } from './spillFolder';

export interface PairDuplicate {
  high: number;
  low: number;
  line: number;
  firstLine: number;
}

const MAX_LOAD = 0.7;
const PARTITIONS = 64;
/** Partitions use other seeds than the tables inside them, or each partition's keys would crowd a few slots. */
const PARTITION_SEED = 0x5eed;
const RECORD_BYTES = 12;
/** Bytes a key takes in a table at the highest load: what a partition's keys will cost to check. */
const BYTES_PER_KEY = Math.ceil(RECORD_BYTES / MAX_LOAD) * 2;

/**
 * Open addressing over one typed array, each slot [high, low, line] side by side so a probe touches one cache line:
 * key (high, low) → first line; line 0 marks an empty slot (lines start at 1).
 */
/** A power of two with room for `keys` at the highest load. */
function tableCapacityFor(keys: number): number {
  return Math.max(1 << 12, 2 ** Math.ceil(Math.log2(keys / MAX_LOAD)));
}

export class PairLineTable {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.slots = new Uint32Array(capacity * 3);
    this.mask = capacity - 1;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /** Returns the first line stored for this key, or 0 after storing `line`. */
  firstOrInsert(high: number, low: number, line: number): number {
    if (this.size + 1 > this.capacity * MAX_LOAD) this.grow();
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = hashPair(high, low) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const stored = slots[at + 2]!;
      if (stored === 0) {
        slots[at] = high;
        slots[at + 1] = low;
        slots[at + 2] = line;
        this.size++;
        return 0;
      }
      if (slots[at] === high && slots[at + 1] === low) return stored;
    }
  }

  *entries(): Generator<[number, number, number]> {
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 3) {
      if (slots[at + 2] !== 0) yield [slots[at]!, slots[at + 1]!, slots[at + 2]!];
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] !== 0) this.firstOrInsert(old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }
}

/** Orders two keys as the file's sort would (by parent, then child); only its sign matters. */
export type PairOrder = (high1: number, low1: number, high2: number, low2: number) => number;

export class PairKeySet {
  /**
   * Keys are kept in a list while they fit in memory, in a hash table once a key came out of order, in spill
   * partitions past maxKeysInMemory. While every key so far came in increasing order (our exports, most tools'
   * files), a repeat can only be the row just before: it is found at once, and a file that stays in order needs no
   * look at the list or the partitions at the end.
   */
  private mode: 'list' | 'table' | 'spilled' = 'list';
  private inOrder = true;
  private list: Uint32Array;
  private listed = 0;
  private previous = { high: -1, low: -1, firstLine: 0 };
  private table: PairLineTable | undefined;
  private spilled: SpillPartitions | undefined;
  private readonly record = Buffer.alloc(RECORD_BYTES);

  /** `order` tells when keys stop coming in order. */
  constructor(
    private readonly folder: SpillFolder,
    private readonly maxKeysInMemory: number,
    private readonly order: PairOrder,
  ) {
    this.list = new Uint32Array(3 * Math.min(1 << 16, maxKeysInMemory + 1));
  }

  /** Returns the line the key was first seen on when that is known now; 0 when new, or left for finish(). */
  add(high: number, low: number, line: number): number {
    if (this.inOrder) {
      const previous = this.previous;
      if (high === previous.high && low === previous.low) return previous.firstLine;
      if (previous.firstLine === 0 || this.order(previous.high, previous.low, high, low) < 0) {
        previous.high = high;
        previous.low = low;
        previous.firstLine = line;
      } else {
        this.inOrder = false;
        if (this.mode === 'list') this.listToTable();
      }
    }
    switch (this.mode) {
      case 'list':
        this.append(high, low, line);
        return 0;
      case 'spilled':
        this.writeKey(high, low, line);
        return 0;
      case 'table': {
        const table = this.table!;
        const first = table.firstOrInsert(high, low, line);
        if (first === 0 && table.size > this.maxKeysInMemory) this.spill(table.entries());
        return first;
      }
    }
  }

  private append(high: number, low: number, line: number): void {
    if (this.listed * 3 === this.list.length) {
      const bigger = new Uint32Array(this.list.length * 2);
      bigger.set(this.list);
      this.list = bigger;
    }
    const at = this.listed++ * 3;
    this.list[at] = high;
    this.list[at + 1] = low;
    this.list[at + 2] = line;
    if (this.listed > this.maxKeysInMemory) this.spill(this.listedKeys());
  }

  private listToTable(): void {
    this.table = new PairLineTable(tableCapacityFor(this.listed + 1));
    for (const [high, low, line] of this.listedKeys()) this.table.firstOrInsert(high, low, line);
    this.list = new Uint32Array(0);
    this.mode = 'table';
  }

  private *listedKeys(): Generator<[number, number, number]> {
    for (let at = 0; at < this.listed * 3; at += 3) yield [this.list[at]!, this.list[at + 1]!, this.list[at + 2]!];
  }

  /** Reports the repeats found among spilled keys (not in line order). */
  async finish(onDuplicate: (duplicate: PairDuplicate) => void, signal?: AbortSignal): Promise<void> {
    const spilled = this.spilled;
    if (!spilled) return;
    if (this.inOrder) {
      spilled.remove(); // every repeat was the row before it, and has been reported
      return;
    }
    const options = {
      maxWeight: this.maxKeysInMemory * BYTES_PER_KEY,
      fanOut: 16,
      rehash: (payload: Buffer, depth: number) =>
        hashPair(payload.readUInt32LE(0), payload.readUInt32LE(4), PARTITION_SEED + depth),
      weigh: () => BYTES_PER_KEY,
      dir: this.folder.path,
      signal,
    };
    try {
      await forEachPartition(spilled, options, (records) => {
        const table = new PairLineTable();
        for (const payload of records) {
          const high = payload.readUInt32LE(0);
          const low = payload.readUInt32LE(4);
          const line = payload.readUInt32LE(8);
          const firstLine = table.firstOrInsert(high, low, line);
          if (firstLine !== 0) onDuplicate({ high, low, line, firstLine });
        }
      });
    } finally {
      spilled.remove();
    }
  }

  /** The keys so far go to the partitions, each with its first line: later repeats are found against them. */
  private spill(keys: Iterable<[number, number, number]>): void {
    this.spilled = new SpillPartitions(this.folder.path, 'relation-pairs', PARTITIONS);
    for (const [high, low, line] of keys) this.writeKey(high, low, line);
    this.mode = 'spilled';
    this.table = undefined;
    this.list = new Uint32Array(0);
  }

  private writeKey(high: number, low: number, line: number): void {
    const record = this.record;
    record.writeUInt32LE(high, 0);
    record.writeUInt32LE(low, 4);
    record.writeUInt32LE(line, 8);
    this.spilled!.write(hashPair(high, low, PARTITION_SEED) % PARTITIONS, record, BYTES_PER_KEY);
  }
}
