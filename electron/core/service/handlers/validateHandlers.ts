// validate.*: checking uploaded (or, in the desktop app, named) CSV files, or what a snapshot's export would be.
// The check runs in a worker thread: the service's loop never parses CSV.
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import type { CsvFileRef } from '../../../../shared/service/types';
import { runWorkerTask } from '../jobs/runWorkerTask';
import { ServiceFailure } from '../serviceFailure';
import { resolveCsvFileRef, withFileNames, withoutTempPaths, type ResolvedCsvFile } from '../validateFileRefs';
import { runQuickTask } from './quickTask';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function validateHandlers(ctx: ServiceContext): HandlersOf<'validate'> {
  return {
    'validate.upload': async (params) => validateFiles(ctx, params),
    'validate.snapshot': async ({ snapshotId, options }) =>
      runQuickTask({
        kind: 'validateSnapshot',
        dbPath: ctx.deps.dbPath,
        snapshotId,
        options: options ?? {},
        appVersion: ctx.deps.appVersion,
      }),
  };
}

/** Checks the named files in a worker thread, then deletes uploads. */
async function validateFiles(
  { deps }: ServiceContext,
  refs: { entities?: CsvFileRef; relations?: CsvFileRef },
): Promise<ValidationReport> {
  if (!refs.entities && !refs.relations)
    throw new ServiceFailure('BAD_INPUT', 'give an entities file, a relations file, or both');
  const files: { entities?: ResolvedCsvFile; relations?: ResolvedCsvFile } = {};
  try {
    if (refs.entities) files.entities = resolveCsvFileRef(refs.entities, deps.uploads, deps.transport);
    if (refs.relations) files.relations = resolveCsvFileRef(refs.relations, deps.uploads, deps.transport);
    const outcome = await runWorkerTask(
      { kind: 'validateFiles', entitiesPath: files.entities?.path, relationsPath: files.relations?.path },
      () => {},
    ).outcome;
    if (!outcome.ok)
      throw new ServiceFailure('BAD_INPUT', withoutTempPaths(outcome.error.message, Object.values(files)));
    return withFileNames(outcome.result.value as ValidationReport, files);
  } finally {
    for (const file of Object.values(files)) if (file.uploaded) await deps.uploads?.discard(file.path);
  }
}
