// Finds repeated relations without keeping every relation key: a 53-bit hash per row, then an exact second look at the
// few rows whose hash repeats.

export type KeyHash = (key: string) => number;

/** cyrb53 (public domain): a fast 53-bit string hash. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Open-addressing table from a 53-bit hash to the first line that had it: 12 bytes a slot, no per-entry objects. */
class FirstLineByHash {
  private low = new Uint32Array(1 << 12);
  private high = new Uint32Array(1 << 12);
  private lines = new Uint32Array(1 << 12);
  private size = 0;

  /** Returns the first line stored for this hash, or 0 after storing `line` (lines start at 1). */
  firstOrInsert(hash: number, line: number): number {
    if ((this.size + 1) * 2 > this.lines.length) this.grow();
    const low = hash >>> 0;
    const high = Math.floor(hash / 4294967296) >>> 0;
    const mask = this.lines.length - 1;
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      const stored = this.lines[slot]!;
      if (stored === 0) {
        this.low[slot] = low;
        this.high[slot] = high;
        this.lines[slot] = line;
        this.size++;
        return 0;
      }
      if (this.low[slot] === low && this.high[slot] === high) return stored;
    }
  }

  private grow(): void {
    const { low, high, lines } = this;
    this.low = new Uint32Array(lines.length * 2);
    this.high = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    this.size = 0;
    for (let slot = 0; slot < lines.length; slot++) {
      if (lines[slot] !== 0) this.firstOrInsert(high[slot]! * 4294967296 + low[slot]!, lines[slot]!);
    }
  }
}

export interface ConfirmedDuplicate {
  line: number;
  firstLine: number;
  key: string;
}

/**
 * First pass: add(key, line) for every row. Rows whose hash was seen before become candidates (true duplicates, or in
 * very rare cases hash collisions). Second pass: confirm() re-reads only the keys of the lines involved and reports
 * exact duplicates, so a collision can never produce a false finding.
 */
export class RelationDuplicateFinder {
  private readonly firstLines = new FirstLineByHash();
  private readonly involvedLines = new Set<number>();

  constructor(private readonly hash: KeyHash = hash53) {}

  add(key: string, line: number): void {
    const first = this.firstLines.firstOrInsert(this.hash(key), line);
    if (first === 0) return;
    this.involvedLines.add(first);
    this.involvedLines.add(line);
  }

  get needsConfirmation(): boolean {
    return this.involvedLines.size > 0;
  }

  /** Give the rows again in file order as (line, key); returns the exact duplicates in line order. */
  async confirm(rows: AsyncIterable<{ line: number; key: string | undefined }>): Promise<ConfirmedDuplicate[]> {
    const firstLineByKey = new Map<string, number>();
    const duplicates: ConfirmedDuplicate[] = [];
    for await (const { line, key } of rows) {
      if (key === undefined || !this.involvedLines.has(line)) continue;
      const firstLine = firstLineByKey.get(key);
      if (firstLine === undefined) firstLineByKey.set(key, line);
      else duplicates.push({ line, firstLine, key });
    }
    return duplicates;
  }
}
