// Repeated keys given as text (relations whose ends are not known entities, or when no entities file was given): a Map
// while it is small, then spill partitions checked one at a time at the end. Exact: keys are compared whole.
import { hashBytes, hashString } from './hashing';
import { forEachPartition, SpillPartitions } from './spillPartitions';
import type { SpillFolder } from './spillFolder';
import { ownCopy } from '../ownCopy';

export interface StringDuplicate {
  key: string;
  line: number;
  firstLine: number;
}

const PARTITIONS = 64;
const PARTITION_SEED = 0x5eed;
/** What a Map entry costs beyond its characters (entry, string header, number), roughly. */
const ENTRY_OVERHEAD_BYTES = 64;

const bytesOfKey = (chars: number) => ENTRY_OVERHEAD_BYTES + 2 * chars;

export class StringKeySet {
  private map: Map<string, number> | undefined = new Map();
  private mapBytes = 0;
  private spilled: SpillPartitions | undefined;

  /** `maxBytesInMemory`: past it (estimated), keys spill to `folder`. */
  constructor(
    private readonly folder: SpillFolder,
    private readonly maxBytesInMemory: number,
  ) {}

  /** Returns the line the key was first seen on when known now; 0 when new, or left for finish(). */
  add(key: string, line: number): number {
    const map = this.map;
    if (!map) {
      this.writeKey(key, line);
      return 0;
    }
    const first = map.get(key);
    if (first !== undefined) return first;
    map.set(ownCopy(key), line);
    this.mapBytes += bytesOfKey(key.length);
    if (this.mapBytes > this.maxBytesInMemory) {
      this.spilled = new SpillPartitions(this.folder.path, 'relation-keys', PARTITIONS);
      for (const [known, knownLine] of map) this.writeKey(known, knownLine);
      this.map = undefined;
    }
    return 0;
  }

  /** Reports the repeats found among spilled keys (not in line order). */
  async finish(onDuplicate: (duplicate: StringDuplicate) => void, signal?: AbortSignal): Promise<void> {
    const spilled = this.spilled;
    if (!spilled) return;
    const options = {
      maxWeight: this.maxBytesInMemory,
      fanOut: 16,
      rehash: (payload: Buffer, depth: number) => hashBytes(payload, 4, payload.length, PARTITION_SEED + depth),
      weigh: (payload: Buffer) => bytesOfKey(payload.length - 4),
      dir: this.folder.path,
      signal,
    };
    try {
      await forEachPartition(spilled, options, (records) => {
        const seen = new Map<string, number>();
        for (const payload of records) {
          const line = payload.readUInt32LE(0);
          const key = payload.toString('utf8', 4);
          const firstLine = seen.get(key);
          if (firstLine === undefined) seen.set(key, line);
          else onDuplicate({ key, line, firstLine });
        }
      });
    } finally {
      spilled.remove();
    }
  }

  private writeKey(key: string, line: number): void {
    const payload = Buffer.allocUnsafe(4 + Buffer.byteLength(key, 'utf8'));
    payload.writeUInt32LE(line, 0);
    payload.write(key, 4, 'utf8');
    this.spilled!.write(hashString(key, PARTITION_SEED) % PARTITIONS, payload, bytesOfKey(key.length));
  }
}
