// Temporary files that hold what does not fit in memory, split by a hash into partitions small enough to check one at a
// time (a "grace hash join"): every record of one key lands in the same partition, so each partition is checked
// exactly on its own. A partition that still came out too large is split again with another hash.
//
// Each record is [u32 payload length][payload]. Writes go through one small buffer per partition; reads are
// sequential, in the order written. The files live in a private folder that remove() deletes.
import fs from 'node:fs';
import path from 'node:path';

const WRITE_BUFFER_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;
/** Splitting a partition again this many times is enough for any disk; past it a partition is checked as it is. */
export const MAX_SPLIT_DEPTH = 4;

export class SpillPartitions {
  private readonly buffers: (Buffer | undefined)[];
  private readonly used: number[];
  private readonly fds: (number | undefined)[];
  /** Memory a partition will take to check, as its writer estimated it per record. */
  readonly weight: number[];

  constructor(
    private readonly dir: string,
    readonly name: string,
    readonly count: number,
  ) {
    this.buffers = new Array<Buffer | undefined>(count).fill(undefined);
    this.used = new Array<number>(count).fill(0);
    this.fds = new Array<number | undefined>(count).fill(undefined);
    this.weight = new Array<number>(count).fill(0);
  }

  /** Appends one record (its payload) to a partition; `weight` is what it will cost in memory when checked. */
  write(partition: number, payload: Uint8Array, weight: number = payload.length): void {
    this.weight[partition]! += weight;
    const needed = 4 + payload.length;
    if (this.used[partition]! + needed > WRITE_BUFFER_BYTES) this.flushPartition(partition);
    if (needed > WRITE_BUFFER_BYTES) {
      const header = Buffer.alloc(4);
      header.writeUInt32LE(payload.length, 0);
      this.writeOut(partition, header);
      this.writeOut(partition, payload);
      return;
    }
    const buffer = (this.buffers[partition] ??= Buffer.allocUnsafe(WRITE_BUFFER_BYTES));
    let at = this.used[partition]!;
    buffer.writeUInt32LE(payload.length, at);
    at += 4;
    buffer.set(payload, at);
    this.used[partition] = at + payload.length;
  }

  /** Writes what is buffered and frees the buffers; call before reading. */
  flush(): void {
    for (let partition = 0; partition < this.count; partition++) {
      this.flushPartition(partition);
      this.buffers[partition] = undefined;
    }
  }

  /** The records of one partition in the order written (flush first). The payload is valid until the next one. */
  *read(partition: number): Generator<Buffer> {
    const file = this.fileOf(partition);
    if (this.fds[partition] === undefined) return;
    const fd = fs.openSync(file, 'r');
    try {
      yield* readRecords(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Deletes one partition's file once it has been checked. */
  drop(partition: number): void {
    const fd = this.fds[partition];
    if (fd === undefined) return;
    fs.closeSync(fd);
    this.fds[partition] = undefined;
    fs.rmSync(this.fileOf(partition), { force: true });
  }

  /** Closes and deletes every file. */
  remove(): void {
    for (let partition = 0; partition < this.count; partition++) this.drop(partition);
  }

  private flushPartition(partition: number): void {
    const used = this.used[partition]!;
    if (used === 0) return;
    this.writeOut(partition, this.buffers[partition]!.subarray(0, used));
    this.used[partition] = 0;
  }

  private writeOut(partition: number, bytes: Uint8Array): void {
    let fd = this.fds[partition];
    if (fd === undefined) this.fds[partition] = fd = fs.openSync(this.fileOf(partition), 'w', 0o600);
    for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
  }

  private fileOf(partition: number): string {
    return path.join(this.dir, `${this.name}-${partition}.bin`);
  }
}

/** Yields each record's payload from a file of [u32 length][payload] records, reading it a megabyte at a time. */
function* readRecords(fd: number): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  let start = 0;
  let end = 0;
  let position = 0;
  for (;;) {
    while (end - start >= 4) {
      const length = buffer.readUInt32LE(start);
      if (end - start < 4 + length) break;
      yield buffer.subarray(start + 4, start + 4 + length);
      start += 4 + length;
    }
    // Keep the unfinished record at the front, growing the buffer for a record longer than it.
    const pending = end - start;
    const wanted = pending >= 4 ? 4 + buffer.readUInt32LE(start) : READ_CHUNK_BYTES;
    if (wanted > buffer.length) {
      const bigger = Buffer.allocUnsafe(wanted);
      buffer.copy(bigger, 0, start, end);
      buffer = bigger;
    } else {
      buffer.copy(buffer, 0, start, end);
    }
    start = 0;
    end = pending;
    const read = fs.readSync(fd, buffer, end, buffer.length - end, position);
    if (read === 0) return;
    position += read;
    end += read;
  }
}

/**
 * Runs `check` on each partition in turn, deleting each file afterwards. A partition whose weight is over `maxWeight`
 * is first split again into `fanOut` partitions with `rehash(payload, depth)`, which must send every record of one
 * key to the same place.
 */
export async function forEachPartition(
  parts: SpillPartitions,
  options: {
    maxWeight: number;
    fanOut: number;
    rehash: (payload: Buffer, depth: number) => number;
    weigh: (payload: Buffer) => number;
    dir: string;
    signal?: AbortSignal;
  },
  check: (records: Iterable<Buffer>) => void | Promise<void>,
  depth = 0,
): Promise<void> {
  parts.flush();
  for (let partition = 0; partition < parts.count; partition++) {
    options.signal?.throwIfAborted();
    try {
      if (parts.weight[partition]! > options.maxWeight && depth < MAX_SPLIT_DEPTH) {
        const children = new SpillPartitions(options.dir, `${parts.name}.${partition}`, options.fanOut);
        try {
          for (const payload of parts.read(partition))
            children.write(options.rehash(payload, depth + 1) % options.fanOut, payload, options.weigh(payload));
          parts.drop(partition);
          await forEachPartition(children, options, check, depth + 1);
        } finally {
          children.remove();
        }
      } else {
        await check(parts.read(partition));
      }
    } finally {
      parts.drop(partition);
    }
  }
}
