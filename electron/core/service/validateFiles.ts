// Checking CSV files the window chose: as one call that answers with the report (validate.upload), or as a job with
// progress and cancel (validate.start). Either way the check runs in a worker thread, uploads are deleted afterwards,
// and the report and any error name the files as the user chose them, never the private temp paths.
import type { ValidationReport } from '../../../shared/balkanid/findings';
import type { CsvFileRef, JobState } from '../../../shared/service/types';
import type { JobRegistry } from './jobs/jobRegistry';
import type { WorkerTask } from './jobs/jobMessages';
import { runWorkerTask } from './jobs/runWorkerTask';
import { startJob } from './jobs/startJob';
import { ServiceFailure } from './serviceFailure';
import type { UploadStore } from './uploadStore';
import { resolveCsvFileRef, withFileNames, withoutTempPaths, type ResolvedCsvFile } from './validateFileRefs';

export interface FileCheckDependencies {
  uploads?: UploadStore;
  transport: 'ipc' | 'http';
}

type CsvFileRefs = { entities?: CsvFileRef; relations?: CsvFileRef };
type ResolvedFiles = { entities?: ResolvedCsvFile; relations?: ResolvedCsvFile };

/** The files behind the refs; an upload taken before a later ref fails is deleted at once. */
function resolveFiles(refs: CsvFileRefs, deps: FileCheckDependencies): ResolvedFiles {
  if (!refs.entities && !refs.relations)
    throw new ServiceFailure('BAD_INPUT', 'give an entities file, a relations file, or both');
  const files: ResolvedFiles = {};
  try {
    if (refs.entities) files.entities = resolveCsvFileRef(refs.entities, deps.uploads, deps.transport);
    if (refs.relations) files.relations = resolveCsvFileRef(refs.relations, deps.uploads, deps.transport);
    return files;
  } catch (error) {
    void discardUploads(files, deps);
    throw error;
  }
}

async function discardUploads(files: ResolvedFiles, deps: FileCheckDependencies): Promise<void> {
  for (const file of Object.values(files)) if (file.uploaded) await deps.uploads?.discard(file.path);
}

function taskFor(files: ResolvedFiles): WorkerTask {
  return { kind: 'validateFiles', entitiesPath: files.entities?.path, relationsPath: files.relations?.path };
}

/** validate.upload: checks the files and answers with the report. */
export async function validateFilesNow(refs: CsvFileRefs, deps: FileCheckDependencies): Promise<ValidationReport> {
  const files = resolveFiles(refs, deps);
  try {
    const outcome = await runWorkerTask(taskFor(files), () => {}).outcome;
    if (!outcome.ok)
      throw new ServiceFailure('BAD_INPUT', withoutTempPaths(outcome.error.message, Object.values(files)));
    return withFileNames(outcome.result.value as ValidationReport, files);
  } finally {
    await discardUploads(files, deps);
  }
}

/** validate.start: the same check as a job; its result is the report, a cancelled job has none. */
export function startFileCheck(jobs: JobRegistry, refs: CsvFileRefs, deps: FileCheckDependencies): JobState {
  const files = resolveFiles(refs, deps);
  return startJob(jobs, 'validate', taskFor(files), undefined, {
    result: (value) => withFileNames(value as ValidationReport, files),
    errorMessage: (message) => withoutTempPaths(message, Object.values(files)),
    settled: () => discardUploads(files, deps),
  });
}
