// The publish step of an export: renames the finished temporary files into place together, under the upload names
// when the bundle validated (or the user allowed errors), else under the `.invalid` names that no upload takes. Files
// an earlier export left that the new bundle does not replace are removed afterwards, so the folder never holds parts
// of two bundles (an earlier valid bundle is kept when the new one is only kept as invalid).
import fs from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_WRITTEN_NAME, REVIEW_FOLDER } from '../../../shared/balkanid/bundleFileNames';
import { syncFolder, type AtomicCsvFile } from '../balkanid/atomicCsvFile';
import { limitedStep, type FileStepLimit } from '../files/fileStepLimit';
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
export async function publishFiles(
  folder: string,
  files: readonly FileToPublish[],
  limit?: FileStepLimit,
): Promise<void> {
  const done: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(folder, file.name);
      await limitedStep(`renaming a file to ${target}`, () => fs.rename(file.tempPath, target), limit);
      done.push(target);
    }
  } catch (error) {
    const cleanUp = limit && { limitMs: limit.limitMs }; // after a cancel too: not stopped by the signal
    await Promise.all(
      done.map((target) => limitedStep(`removing ${target}`, () => fs.rm(target, { force: true }), cleanUp)),
    ).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder, limit);
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
  limit?: FileStepLimit,
): Promise<void> {
  for (const name of await limitedStep(`listing ${folder}`, () => fs.readdir(folder), limit)) {
    if (!EXPORT_WRITTEN_NAME.test(name) || kept.includes(name)) continue;
    if (keptAsInvalid && !name.includes('.invalid.')) continue;
    const file = path.join(folder, name);
    await limitedStep(`removing ${file}`, () => fs.rm(file, { force: true }), limit);
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
  limit?: FileStepLimit,
): Promise<void> {
  await withPublishLock(
    outDir,
    async () => {
      const files = [...bundle.files, bundle.manifest];
      await publishFiles(outDir, files, limit);
      await removeEarlierExportFiles(
        outDir,
        files.map((file) => file.name),
        bundle.keptAsInvalid,
        limit,
      );
      if (review.length === 0) return;
      for (const file of review) await file.publish();
      const reviewFolder = path.join(outDir, REVIEW_FOLDER);
      await removeEarlierExportFiles(
        reviewFolder,
        review.map((file) => path.basename(file.finalPath)),
        bundle.keptAsInvalid,
        limit,
      );
    },
    undefined,
    limit,
  );
}
