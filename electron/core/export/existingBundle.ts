// What an output folder already holds of an export bundle (manifest.json, the CSV files, their parts and `.invalid`
// names), so the app can ask before a new export replaces it. Listing the folder is time-limited like every other
// file-system step of an export.
import fs from 'node:fs/promises';
import { EXPORT_WRITTEN_NAME } from '../../../shared/balkanid/bundleFileNames';
import { limitedStep, type FileStepLimit } from '../files/fileStepLimit';

/** The bundle files in `folder`, sorted; none when the folder does not exist yet (the export will create it). */
export async function bundleFilesIn(folder: string, limit: FileStepLimit): Promise<string[]> {
  let names: string[];
  try {
    names = await limitedStep(`listing ${folder}`, () => fs.readdir(folder), limit);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  return names.filter((name) => EXPORT_WRITTEN_NAME.test(name)).sort();
}
