// export.*: a preview of the files, the export itself as a job, where it goes (the last folder used, a folder's bundle
// files to ask about, the desktop app's folder dialog), and opening a finished export's folder.
import os from 'node:os';
import path from 'node:path';
import { nothingToExportReason } from '../../../../shared/balkanid/nothingToExport';
import type { ParamsOf, ResultOf } from '../../../../shared/service/contract';
import { bundleFilesIn } from '../../export/existingBundle';
import { startJob } from '../jobs/startJob';
import { RecentExportFolders } from '../recentExportFolders';
import { ServiceFailure } from '../serviceFailure';
import { runQuickTask } from './quickTask';
import type { HandlersOf, ServiceContext } from './serviceContext';

/** Listing a folder to ask about its bundle answers at once on a working disk; a stuck one is said to be stuck. */
const FOLDER_CHECK_LIMIT = { limitMs: 10_000 };

export function exportHandlers(ctx: ServiceContext): HandlersOf<'export'> {
  const { deps } = ctx;
  const recent = new RecentExportFolders(deps.dataFolder);
  return {
    'export.preview': async ({ snapshotId, options, rows }) =>
      runQuickTask({ kind: 'preview', dbPath: deps.dbPath, snapshotId, options: options ?? {}, rows: rows ?? 5 }),
    'export.start': async (params) => startExport(ctx, recent, params),
    'export.defaultFolder': async () => {
      const [last, ...others] = recent.list();
      return { path: last ?? deps.defaultExportFolder ?? path.join(os.homedir(), 'Okta Prep exports'), recent: others };
    },
    'export.checkFolder': async ({ path: folder }) => ({
      bundleFiles: await bundleFilesIn(fullFolderPath(folder), FOLDER_CHECK_LIMIT),
    }),
    'export.chooseFolder': async ({ defaultPath }) => {
      if (!deps.chooseFolder) return { available: false };
      const chosen = await deps.chooseFolder(defaultPath);
      return chosen === undefined ? { available: true } : { available: true, path: chosen };
    },
    'export.openFolder': ({ path: folder }) => openExportFolder(ctx, folder),
  };
}

function fullFolderPath(folder: string): string {
  if (!path.isAbsolute(folder)) throw new ServiceFailure('BAD_INPUT', `choose a full folder path (not "${folder}")`);
  return folder;
}

/**
 * Refuses, before any job starts, an export of nothing and one that would replace a bundle the user was not asked
 * about (the app asks, then sends `overwrite`); the folder is remembered for next time once the export starts.
 */
async function startExport(
  { deps, jobs }: ServiceContext,
  recent: RecentExportFolders,
  { snapshotId, outDir, options, overwrite }: ParamsOf<'export.start'>,
) {
  const folder = fullFolderPath(outDir);
  const nothing = nothingToExportReason(options ?? {});
  if (nothing !== undefined) throw new ServiceFailure('BAD_INPUT', nothing);
  const existing = overwrite === true ? [] : await bundleFilesIn(folder, FOLDER_CHECK_LIMIT);
  if (existing.length > 0)
    throw new ServiceFailure(
      'CONFLICT',
      `${folder} already holds an export (${existing.join(', ')}): confirm that it may be replaced, or choose ` +
        'another folder',
    );
  const job = startJob(
    jobs,
    'export',
    { kind: 'export', dbPath: deps.dbPath, snapshotId, outDir, options: options ?? {}, appVersion: deps.appVersion },
    snapshotId,
  );
  try {
    recent.remember(folder);
  } catch {
    // Only a convenience (the folder field's default next time): a data folder that cannot be written must not
    // make a running export look failed.
  }
  return job;
}

/** Only folders an export of this service wrote: the renderer cannot make the app open arbitrary paths. */
async function openExportFolder(
  { deps, jobs }: ServiceContext,
  folder: string,
): Promise<ResultOf<'export.openFolder'>> {
  const exported = jobs
    .list()
    .some(
      (job) =>
        job.kind === 'export' &&
        job.status === 'complete' &&
        (job.result as { outDir?: string } | undefined)?.outDir === folder,
    );
  if (!exported) throw new ServiceFailure('NOT_FOUND', `${folder} is not a folder this session exported to`);
  if (!deps.openFolder)
    return { opened: false, message: `open ${folder} in your file manager (the browser build cannot open folders)` };
  const error = await deps.openFolder(folder);
  return error ? { opened: false, message: `could not open ${folder}: ${error}` } : { opened: true };
}
