// Streams CSV records with their physical start lines from a file or in-memory bytes, reporting byte-level issues on
// the way.
import { open } from 'node:fs/promises';
import { ByteChecks, type ByteIssue } from './byteChecks';
import { CsvTokenizer, type CsvRecord } from './csvTokenizer';

export type { ByteIssue } from './byteChecks';
export type { CsvRecord } from './csvTokenizer';

/** A file on disk, or bytes/text already in memory (chunked to exercise the same streaming path). */
export type CsvSource = { path: string } | { bytes: Uint8Array | string; chunkSize?: number };

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface OpenedCsv {
  chunks: ByteChunks;
  /** Releases the file if the chunks are never read to the end. */
  close(): Promise<void>;
}

const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Opens a source for reading. The only errors this module throws are about unreadable files:
 * `cannot read <label> file <path>: <reason>`.
 */
export async function openCsvSource(source: CsvSource, label: string): Promise<OpenedCsv> {
  if (!('path' in source)) {
    const bytes = typeof source.bytes === 'string' ? Buffer.from(source.bytes, 'utf8') : Buffer.from(source.bytes);
    return { chunks: sliceChunks(bytes, source.chunkSize ?? READ_CHUNK_BYTES), close: async () => undefined };
  }
  const unreadable = (error: unknown) =>
    new Error(`cannot read ${label} file ${source.path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  let handle;
  try {
    handle = await open(source.path, 'r');
    if ((await handle.stat()).isDirectory()) throw new Error('EISDIR: it is a folder, not a file');
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

/** Yields every record one by one; see readCsvRecordBatches. */
export async function* readCsvRecords(
  chunks: ByteChunks,
  onByteIssue: (issue: ByteIssue) => void,
): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvRecordBatches(chunks, onByteIssue)) yield* batch;
}

/**
 * Yields the records completed by each chunk (blank lines included, flagged `blank`); batching keeps the per-record
 * cost low on million-row files. A UTF-8 BOM is stripped and reported; a UTF-16 file is reported and yields nothing.
 * Invalid UTF-8 is decoded as U+FFFD so row checks can go on.
 */
export async function* readCsvRecordBatches(
  chunks: ByteChunks,
  onByteIssue: (issue: ByteIssue) => void,
): AsyncGenerator<CsvRecord[]> {
  const byteChecks = new ByteChecks(onByteIssue);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const tokenizer = new CsvTokenizer();
  let head: Buffer | undefined = Buffer.alloc(0); // first bytes, held until the BOM question is settled
  for await (const raw of chunks) {
    let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (head) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 3) continue;
      const start = stripStart(head, onByteIssue);
      head = undefined;
      if (!start) return;
      chunk = start;
    }
    byteChecks.check(chunk);
    const records = tokenizer.push(decoder.decode(chunk, { stream: true }), false);
    if (records.length > 0) yield records;
  }
  let last: Buffer = Buffer.alloc(0);
  if (head) {
    const start = stripStart(head, onByteIssue);
    if (!start) return;
    last = start;
  }
  byteChecks.check(last);
  byteChecks.finish();
  const records = tokenizer.push(decoder.decode(last), true);
  if (records.length > 0) yield records;
}

/** Returns the bytes after a UTF-8 BOM (reporting it), or undefined for a UTF-16 file. */
function stripStart(head: Buffer, onByteIssue: (issue: ByteIssue) => void): Buffer | undefined {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    onByteIssue({ kind: 'utf16', byteOrder: head[0] === 0xff ? 'little-endian' : 'big-endian' });
    return undefined;
  }
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    onByteIssue({ kind: 'bom' });
    return head.subarray(3);
  }
  return head;
}
