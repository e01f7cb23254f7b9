// export.*: a preview of the files, the export itself as a job, where it goes by default, and opening a finished
// export's folder.
import os from 'node:os';
import path from 'node:path';
import type { ParamsOf, ResultOf } from '../../../../shared/service/contract';
import { startJob } from '../jobs/startJob';
import { ServiceFailure } from '../serviceFailure';
import { runQuickTask } from './quickTask';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function exportHandlers(ctx: ServiceContext): HandlersOf<'export'> {
  const { deps } = ctx;
  return {
    'export.preview': async ({ snapshotId, options, rows }) =>
      runQuickTask({ kind: 'preview', dbPath: deps.dbPath, snapshotId, options: options ?? {}, rows: rows ?? 5 }),
    'export.start': async (params) => startExport(ctx, params),
    'export.defaultFolder': async () => ({
      path: deps.defaultExportFolder ?? path.join(os.homedir(), 'Okta Prep exports'),
    }),
    'export.openFolder': ({ path: folder }) => openExportFolder(ctx, folder),
  };
}

function startExport({ deps, jobs }: ServiceContext, { snapshotId, outDir, options }: ParamsOf<'export.start'>) {
  if (!path.isAbsolute(outDir)) throw new ServiceFailure('BAD_INPUT', `choose a full folder path (not "${outDir}")`);
  return startJob(
    jobs,
    'export',
    { kind: 'export', dbPath: deps.dbPath, snapshotId, outDir, options: options ?? {}, appVersion: deps.appVersion },
    snapshotId,
  );
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
