// A file an export split into parts (`entity-relations.part-001.csv`, …), read as the one file it stands for: the
// first part whole, each later part without its header line. The line feeds of each part are counted on the way, so
// a finding's line in the joined file can be given back as a line of its part.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../../../shared/balkanid/findings';
import { openCsvSource, type OpenedCsv } from './readCsvRecords';

const LF = 0x0a;

export interface OpenedParts extends OpenedCsv {
  /** The part a line of the joined file is in, and its line there (file-level findings, line 0, go to the first). */
  placeOf(line: number): { part: string; line: number };
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
  const lineFeeds: number[] = [];
  let current: OpenedCsv | undefined;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const [index, file] of paths.entries()) {
      current = await openCsvSource({ path: file }, label);
      let header = index > 0;
      lineFeeds[index] = 0;
      for await (const raw of current.chunks) {
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
      await current.close();
    }
  }
  return {
    chunks: chunks(),
    size,
    close: async () => current?.close(),
    placeOf: (line) => placeIn(paths, lineFeeds, line),
  };
}

/** Part 0 holds the joined lines 1 … its line feeds; each later part's data lines follow, its line 2 onwards. */
function placeIn(paths: readonly string[], lineFeeds: readonly number[], line: number) {
  let start = 1;
  for (let index = 0; index < paths.length; index++) {
    const length = lineFeeds[index] ?? 0;
    const last = index === paths.length - 1;
    if (line < start + length || last) {
      const local = index === 0 ? line : line - start + 2;
      return { part: path.basename(paths[index]!), line: line === 0 ? 0 : local };
    }
    start += length;
  }
  return { part: path.basename(paths[0]!), line };
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
