// A file an export split into parts (`entity-relations.part-001.csv`, …), read as the one file it stands for: the
// first part whole, each later part without its header line. The line feeds of each part are counted on the way, so
// a finding's line in the joined file can be given back as a line of its part.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../../../shared/balkanid/findings';
import { openCsvSource, type ByteChunks, type OpenedCsv } from './readCsvRecords';

const LF = 0x0a;

export interface OpenedParts extends OpenedCsv {
  /** The part a line of the joined file is in, and its line there (file-level findings, line 0, go to the first). */
  placeOf(line: number): { part: string; line: number };
  /** Parts read so far (all of them once the chunks are read to the end). */
  readonly partCount: number;
}

/** One part of a file that arrives as it is written (an export hands its bytes over): its name and its bytes. */
export interface StreamedPart {
  name: string;
  chunks: ByteChunks;
}

export async function openCsvParts(paths: readonly string[], label: string): Promise<OpenedParts> {
  let size = 0;
  for (const file of paths) {
    try {
      size += (await stat(file)).size;
    } catch (error) {
      throw new Error(`cannot read ${label} file ${file}: ${(error as Error).message}`, { cause: error });
    }
  }
  let current: OpenedCsv | undefined;
  async function* parts(): AsyncGenerator<StreamedPart> {
    for (const file of paths) {
      current = await openCsvSource({ path: file }, label);
      yield { name: path.basename(file), chunks: current.chunks };
      await current.close();
    }
  }
  return joinParts(parts(), size, async () => current?.close());
}

/** Parts handed over one after another, read as the one file they stand for (their total size is not known). */
export function openStreamedParts(parts: AsyncIterable<StreamedPart>): OpenedParts {
  return joinParts(parts, 0, async () => undefined);
}

/** The first part whole, each later part without its header line, counting each part's line feeds on the way. */
function joinParts(parts: AsyncIterable<StreamedPart>, size: number, close: () => Promise<void>): OpenedParts {
  const names: string[] = [];
  const lineFeeds: number[] = [];
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const part of parts) {
      const index = names.push(part.name) - 1;
      let header = index > 0;
      lineFeeds[index] = 0;
      for await (const raw of part.chunks) {
        let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
        if (header) {
          const end = chunk.indexOf(LF);
          if (end < 0) continue;
          chunk = chunk.subarray(end + 1);
          header = false;
        }
        lineFeeds[index] += countLineFeeds(chunk);
        yield chunk;
      }
    }
  }
  return {
    chunks: chunks(),
    size,
    close,
    placeOf: (line) => placeIn(names, lineFeeds, line),
    get partCount() {
      return names.length;
    },
  };
}

/** Part 0 holds the joined lines 1 … its line feeds; each later part's data lines follow, its line 2 onwards. */
function placeIn(names: readonly string[], lineFeeds: readonly number[], line: number) {
  let start = 1;
  for (let index = 0; index < names.length; index++) {
    const length = lineFeeds[index] ?? 0;
    const last = index === names.length - 1;
    if (line < start + length || last) {
      const local = index === 0 ? line : line - start + 2;
      return { part: names[index]!, line: line === 0 ? 0 : local };
    }
    start += length;
  }
  return { part: names[0] ?? '', line };
}

function countLineFeeds(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) count++;
  return count;
}

/** Gives each finding about a split file its part and its line in that part. */
export function placeFindingsInParts(findings: Finding[], file: Finding['file'], parts: OpenedParts): void {
  for (const finding of findings) {
    if (finding.file !== file) continue;
    const place = parts.placeOf(finding.line);
    finding.part = place.part;
    finding.line = place.line;
  }
}
