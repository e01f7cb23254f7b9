// The optional spreadsheet-safe review copy of an export (`--review-copy`, a checkbox in the app): each CSV file again
// in `review/`, with every cell a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) prefixed
// by an apostrophe, which spreadsheets take as "this is text". The upload files keep the real values byte for byte
// (BalkanID needs them); the copy is for people, is never listed in the manifest's files, and lives in a subfolder
// that check-bundle and upload never read.
import fs from 'node:fs';
import path from 'node:path';
import { REVIEW_FOLDER } from '../../../shared/balkanid/bundleFileNames';
import { AtomicCsvFile } from '../balkanid/atomicCsvFile';
import { CsvScanner } from '../balkanid/validator/csvScanner';
import { DECODE_PIECE_BYTES } from '../balkanid/validator/readCsvRecords';
import type { FileStepLimit } from '../files/fileStepLimit';
import { makeFoldersWithin } from '../files/makeFoldersWithin';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../files/privateModes';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet shows it without running it. */
export function spreadsheetSafeCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export interface ReviewSource {
  /** The file written (a temporary file until the bundle is published). */
  tempPath: string;
  /** Its name in the bundle, which the copy takes in review/. */
  name: string;
}

/**
 * Writes the copies as finished temporary files in `<outDir>/review` (created 0700 unless the files are shared);
 * returns them for the caller to publish with the bundle, or to abort.
 */
export async function writeReviewCopies(
  outDir: string,
  sources: readonly ReviewSource[],
  fileMode: number,
  limit: FileStepLimit,
): Promise<AtomicCsvFile[]> {
  const folder = path.join(outDir, REVIEW_FOLDER);
  const shared = fileMode !== PRIVATE_FILE_MODE;
  await makeFoldersWithin(folder, { mode: shared ? 0o777 : PRIVATE_FOLDER_MODE, exactMode: !shared }, limit);
  const written: AtomicCsvFile[] = [];
  try {
    for (const source of sources) written.push(await copyOne(source, path.join(folder, source.name), fileMode, limit));
  } catch (error) {
    await Promise.all(written.map((file) => file.abort()));
    throw error;
  }
  return written;
}

/** Reads one CSV file a piece at a time and writes it again with formula-like cells made safe. */
async function copyOne(source: ReviewSource, target: string, mode: number, limit: FileStepLimit) {
  const scanner = new CsvScanner();
  const decoder = new TextDecoder('utf-8');
  let copy: AtomicCsvFile | undefined;
  try {
    const stream = fs.createReadStream(source.tempPath, { highWaterMark: DECODE_PIECE_BYTES });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      limit.signal?.throwIfAborted();
      for (const cells of rowsOf(scanner, decoder.decode(chunk, { stream: true }), false))
        copy = await put(copy, cells);
    }
    for (const cells of rowsOf(scanner, decoder.decode(), true)) copy = await put(copy, cells);
    if (!copy) throw new Error(`${source.name} is empty`);
    await copy.finish();
    return copy;
  } catch (error) {
    await copy?.abort();
    throw new Error(`cannot write the review copy of ${source.name}: ${(error as Error).message}`, { cause: error });
  }

  async function put(file: AtomicCsvFile | undefined, cells: string[]): Promise<AtomicCsvFile> {
    if (!file) return AtomicCsvFile.create(target, cells, mode, limit); // the header row: names, never formulas
    await file.writeRecord(cells.map(spreadsheetSafeCell));
    return file;
  }
}

function rowsOf(scanner: CsvScanner, text: string, final: boolean): string[][] {
  const rows: string[][] = [];
  scanner.push(text, final, (row) => {
    if (row.blank) return;
    for (let index = 0; index < row.cellCount; index++) {
      if (row.isCut(index)) throw new Error(`the cell at line ${row.line} is too long to copy`);
    }
    rows.push(row.cells());
  });
  return rows;
}
