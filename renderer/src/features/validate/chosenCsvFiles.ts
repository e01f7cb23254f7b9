// The CSV files the user opened or dropped: classified from their first bytes only (never read whole to decide),
// and — when small enough — read as text so a finding can show its offending line.
import { classifyUploads, type ClassifiedUploads } from './csvFileKind';
import type { FileTexts } from './FindingDetail';
import { notCsvReason, SIGNATURE_BYTES } from './notCsv';

/** Enough for any header row. */
const HEAD_BYTES = 64 * 1024;
/** Larger files are checked all the same; the finding detail just does not show the line itself. */
export const SOURCE_TEXT_LIMIT_BYTES = 20 * 1024 * 1024;

export interface ChosenCsvFile {
  name: string;
  head: string;
  file: File;
}

/** Files that are not CSV at all (JSON, images…) are left out with why; the others are classified by their header. */
export async function classifyChosenFiles(files: readonly File[]): Promise<ClassifiedUploads<ChosenCsvFile>> {
  const heads = await Promise.all(
    files.map(async (file) => {
      const firstBytes = new Uint8Array(await file.slice(0, SIGNATURE_BYTES).arrayBuffer());
      const head = await file.slice(0, HEAD_BYTES).text();
      return { name: file.name, head, file, notCsv: notCsvReason(firstBytes, head) };
    }),
  );
  const classified = classifyUploads(heads.filter((chosen) => chosen.notCsv === null));
  const notCsv = heads.flatMap(({ name, notCsv }) => (notCsv ? [{ name, reason: `not a CSV file: ${notCsv}` }] : []));
  return { ...classified, ignored: [...notCsv, ...classified.ignored] };
}

/** The texts of the chosen files that are small enough to keep in the window. */
export async function readSourceTexts(chosen: {
  entities?: ChosenCsvFile;
  relations?: ChosenCsvFile;
}): Promise<FileTexts> {
  const texts: FileTexts = {};
  for (const kind of ['entities', 'relations'] as const) {
    const file = chosen[kind]?.file;
    if (file && file.size <= SOURCE_TEXT_LIMIT_BYTES) texts[kind] = { name: file.name, content: await file.text() };
  }
  return texts;
}
