// validate.*: checking uploaded (or, in the desktop app, named) CSV files, or what a snapshot's export would be.
// The check runs in a worker thread: the service's loop never parses CSV.
import { startFileCheck, validateFilesNow } from '../validateFiles';
import { runQuickTask } from './quickTask';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function validateHandlers(ctx: ServiceContext): HandlersOf<'validate'> {
  return {
    'validate.upload': async (params) => validateFilesNow(params, ctx.deps),
    'validate.start': async (params) => startFileCheck(ctx.jobs, params, ctx.deps),
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
