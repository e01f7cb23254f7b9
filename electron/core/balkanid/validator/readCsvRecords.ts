// Streams CSV records with their physical start lines from a file or in-memory bytes, reporting byte-level issues on
// the way.
import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
import { ByteChecks, type ByteIssue } from './byteChecks';
import type { CsvRow } from './csvRows';
import { CsvScanner } from './csvScanner';
import type { CsvRecord } from './csvTokenizer';
import { encodeKeepingLoneSurrogates } from './encodeText';

export type { ByteIssue } from './byteChecks';
export type { CsvRecord } from './csvTokenizer';
export type { CsvRow } from './csvRows';

/** A file on disk, or bytes/text already in memory (chunked to exercise the same streaming path). */
export type CsvSource = { path: string } | { bytes: Uint8Array | string; chunkSize?: number };

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface OpenedCsv {
  chunks: ByteChunks;
  /** Size in bytes, for progress. */
  size: number;
  /** Releases the file if the chunks are never read to the end. */
  close(): Promise<void>;
}

/** Files are read a megabyte at a time: fewer reads, each a round trip through libuv's thread pool. */
export const READ_CHUNK_BYTES = 1024 * 1024;
/**
 * Text is decoded 64 KiB at a time, not more: each piece becomes one string, and V8 puts strings over 128 KiB in its
 * large-object space, which costs several times the decoding itself (measured: 100 MB decoded in 0.03 s in 64 KiB
 * pieces, 1.6 s in 256 KiB pieces).
 */
export const DECODE_PIECE_BYTES = 64 * 1024;
/** How far the first line is looked at to tell CR-only line ends; a longer first line is not checked. */
const FIRST_LINE_LOOK_BYTES = 1024 * 1024;

/**
 * Opens a source for reading. The only errors this module throws are about unreadable files:
 * `cannot read <label> file <path>: <reason>`.
 */
export async function openCsvSource(source: CsvSource, label: string): Promise<OpenedCsv> {
  if ('path' in source) return openCsvFile(source.path, label);
  const bytes = typeof source.bytes === 'string' ? encodeKeepingLoneSurrogates(source.bytes) : source.bytes;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    chunks: sliceChunks(buffer, source.chunkSize ?? DECODE_PIECE_BYTES),
    size: buffer.length,
    close: async () => undefined,
  };
}

async function openCsvFile(file: string, label: string): Promise<OpenedCsv> {
  const unreadable = (error: unknown) =>
    new Error(`cannot read ${label} file ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  let handle;
  let size = 0;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new Error('EISDIR: it is a folder, not a file');
    size = stat.size;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    throw unreadable(error);
  }
  const stream = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
      throw unreadable(error);
    }
  }
  return {
    chunks: chunks(),
    size,
    close: async () => {
      stream.destroy();
      await handle.close().catch(() => undefined);
    },
  };
}

function* sliceChunks(bytes: Buffer, size: number): Generator<Uint8Array> {
  const step = Math.max(1, Math.floor(size));
  for (let at = 0; at < bytes.length; at += step) yield bytes.subarray(at, at + step);
}

/** Valid text (the usual case) is decoded the fastest way; invalid bytes become U+FFFD so row checks can go on. */
function decode(piece: Buffer): string {
  if (piece.length === 0) return '';
  return piece.toString(isAscii(piece) ? 'latin1' : 'utf8');
}

export interface ReadHooks {
  onByteIssue: (issue: ByteIssue) => void;
  /** Each row, valid only during the call (see CsvRow). Blank lines are rows too, flagged `blank`. */
  onRow: (row: CsvRow) => void;
  /** Bytes read from the source, after each chunk; a chance to report progress or stop. */
  onChunk?: (bytes: number) => void;
}

/**
 * Reads every row of a source. A UTF-8 BOM is stripped and reported; a UTF-16 file, or one whose lines end with CR
 * alone, is reported and yields nothing. Invalid UTF-8 is decoded as U+FFFD so row checks can go on.
 */
export async function readCsvRows(chunks: ByteChunks, hooks: ReadHooks): Promise<void> {
  const byteChecks = new ByteChecks(hooks.onByteIssue);
  const scanner = new CsvScanner();
  const scan = (bytes: Buffer) => {
    for (const piece of pieces(bytes)) scanner.push(decode(byteChecks.check(piece)), false, hooks.onRow);
  };
  let head: Buffer | undefined = Buffer.alloc(0); // first bytes, held until the start of the file is settled
  for await (const raw of chunks) {
    let chunk: Buffer | undefined = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (head) {
      head = Buffer.concat([head, chunk]);
      if (startSettled(head)) {
        chunk = checkStart(head, hooks.onByteIssue);
        head = undefined;
        if (!chunk) return;
        scan(chunk);
      }
    } else {
      scan(chunk);
    }
    hooks.onChunk?.(raw.byteLength);
  }
  if (head) {
    const start = checkStart(head, hooks.onByteIssue);
    if (!start) return;
    scan(start);
  }
  scanner.push(decode(byteChecks.finish()), true, hooks.onRow);
}

/** Every record as a plain object with its cells as strings (tests, and comparing with other parsers). */
export async function readCsvRecords(
  chunks: ByteChunks,
  onByteIssue: (issue: ByteIssue) => void,
): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  await readCsvRows(chunks, {
    onByteIssue,
    onRow: (row) => {
      const record: CsvRecord = {
        line: row.line,
        lastLine: row.lastLine,
        cells: row.cells().slice(),
        cellCount: row.cellCount,
        lineEnd: row.lineEnd,
        blank: row.blank,
      };
      if (row.quoting) record.quoting = row.quoting;
      if (row.unterminated) record.unterminated = row.unterminated;
      const cut = record.cells.map((_, index) => index).filter((index) => row.isCut(index));
      if (cut.length > 0) record.cutCells = cut.map((index) => ({ index, length: row.cellLength(index) }));
      records.push(record);
    },
  });
  return records;
}

function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += DECODE_PIECE_BYTES) yield bytes.subarray(at, at + DECODE_PIECE_BYTES);
}

/** True once the head holds the first line end (with the byte after a CR), or enough bytes to stop looking. */
function startSettled(head: Buffer): boolean {
  if (head.length >= FIRST_LINE_LOOK_BYTES) return true;
  const lineFeed = head.indexOf(0x0a);
  const carriageReturn = head.indexOf(0x0d);
  if (carriageReturn >= 0 && carriageReturn + 1 < head.length) return true;
  return lineFeed >= 0 && (carriageReturn < 0 || carriageReturn > lineFeed);
}

/**
 * Returns the bytes after a UTF-8 BOM (reporting it), or undefined for a file not read further: UTF-16, or lines
 * ending with CR alone (classic Mac OS), where a CSV reader that follows RFC 4180 sees one endless line.
 */
function checkStart(head: Buffer, onByteIssue: (issue: ByteIssue) => void): Buffer | undefined {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    onByteIssue({ kind: 'utf16', byteOrder: head[0] === 0xff ? 'little-endian' : 'big-endian', withBom: true });
    return undefined;
  }
  const byteOrder = utf16WithoutBom(head);
  if (byteOrder) {
    onByteIssue({ kind: 'utf16', byteOrder, withBom: false });
    return undefined;
  }
  let start = head;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    onByteIssue({ kind: 'bom' });
    start = head.subarray(3);
  }
  const carriageReturn = start.indexOf(0x0d);
  const lineFeed = start.indexOf(0x0a);
  const firstEnd = carriageReturn >= 0 && (lineFeed < 0 || carriageReturn < lineFeed);
  if (firstEnd && start[carriageReturn + 1] !== 0x0a && !insideQuotes(start, carriageReturn)) {
    onByteIssue({ kind: 'cr-line-ends' });
    return undefined;
  }
  return start;
}

/**
 * UTF-16 without a byte-order mark: text whose every other byte is zero (ASCII characters in two bytes each). The
 * zeros on odd positions mean little-endian. A UTF-8 file has no zero bytes at all, so this cannot mistake one.
 */
function utf16WithoutBom(head: Buffer): 'little-endian' | 'big-endian' | undefined {
  const pairs = Math.min(head.length, 512) >> 1;
  if (pairs < 4) return undefined;
  let zeroFirst = 0;
  let zeroSecond = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (head[2 * pair] === 0) zeroFirst++;
    if (head[2 * pair + 1] === 0) zeroSecond++;
  }
  if (zeroSecond >= pairs * 0.8 && zeroFirst <= pairs * 0.1) return 'little-endian';
  if (zeroFirst >= pairs * 0.8 && zeroSecond <= pairs * 0.1) return 'big-endian';
  return undefined;
}

/** True when an odd number of double quotes comes before `at`: a CR there is inside a quoted cell. */
function insideQuotes(bytes: Buffer, at: number): boolean {
  let quotes = 0;
  for (let i = bytes.indexOf(0x22); i >= 0 && i < at; i = bytes.indexOf(0x22, i + 1)) quotes++;
  return quotes % 2 === 1;
}
