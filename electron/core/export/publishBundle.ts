// The publish step of an export: renames the finished temporary files into place together, under the upload names
// when the bundle validated (or the user allowed errors), else under the `.invalid` names that no upload takes. Files
// an earlier export left that the new bundle does not replace are removed afterwards, so the folder never holds parts
// of two bundles (an earlier valid bundle is kept when the new one is only kept as invalid).
import fs from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_WRITTEN_NAME, REVIEW_FOLDER } from '../../../shared/balkanid/bundleFileNames';
import type { AtomicCsvFile } from '../balkanid/atomicCsvFile';
import { withPublishLock } from './publishLock';

/** A finished temporary file and the name it gets in the folder. */
export interface FileToPublish {
  tempPath: string;
  name: string;
}

/**
 * Renames every file (the manifest last, so a manifest never lists a file that is not there yet); if one rename fails,
 * those already renamed are removed again and the error is thrown.
 */
export async function publishFiles(folder: string, files: readonly FileToPublish[]): Promise<void> {
  const done: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(folder, file.name);
      await fs.rename(file.tempPath, target);
      done.push(target);
    }
  } catch (error) {
    await Promise.all(done.map((target) => fs.rm(target, { force: true })));
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Removes the files of an earlier export that `kept` does not name: every bundle file after a bundle was published
 * under the upload names, only the `.invalid` ones after a bundle was kept as invalid (the upload names then still
 * hold the last bundle that validated, whole).
 */
export async function removeEarlierExportFiles(
  folder: string,
  kept: readonly string[],
  keptAsInvalid: boolean,
): Promise<void> {
  for (const name of await fs.readdir(folder)) {
    if (!EXPORT_WRITTEN_NAME.test(name) || kept.includes(name)) continue;
    if (keptAsInvalid && !name.includes('.invalid.')) continue;
    await fs.rm(path.join(folder, name), { force: true });
  }
}

/** Makes the renames durable; folders cannot be opened for sync on every platform, so failure is ignored. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Publishes a finished bundle while holding the folder's publish lock: the CSV files and then the manifest, the review
 * copies after them, then removes what an earlier export left that this one does not replace.
 */
export async function publishBundle(
  outDir: string,
  bundle: { files: FileToPublish[]; manifest: FileToPublish; keptAsInvalid: boolean },
  review: readonly AtomicCsvFile[],
): Promise<void> {
  await withPublishLock(outDir, async () => {
    await publishFiles(outDir, [...bundle.files, bundle.manifest]);
    await removeEarlierExportFiles(
      outDir,
      [...bundle.files, bundle.manifest].map((file) => file.name),
      bundle.keptAsInvalid,
    );
    if (review.length === 0) return;
    for (const file of review) await file.publish();
    const reviewFolder = path.join(outDir, REVIEW_FOLDER);
    await removeEarlierExportFiles(
      reviewFolder,
      review.map((file) => path.basename(file.finalPath)),
      bundle.keptAsInvalid,
    );
  });
}
