// One streamed read of a bundle file: its size, SHA-256 and CSV record count, in bounded memory. Chunks are small
// (256 KiB) so that hashing a large file in the app's service process yields to its event loop every millisecond or so.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { CsvRecordCounter } from './csvRecordCounter';

export interface FileDigest {
  bytes: number;
  sha256: string;
  /** Data records (the header excluded). */
  rows: number;
}

const CHUNK_BYTES = 256 * 1024;

export async function digestFile(file: string, signal?: AbortSignal): Promise<FileDigest> {
  const hash = createHash('sha256');
  const counter = new CsvRecordCounter();
  let bytes = 0;
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    counter.push(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex'), rows: counter.dataRows };
}
