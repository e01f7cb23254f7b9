// `okta-prep validate`: checks any entities / entity-relations CSV pair (or an entitlements file, told by its header)
// against the BalkanID contract, in a worker
// thread, with progress lines; Ctrl-C stops it and prints no report (a cut-short check is not a result).
import type { ValidationReport } from '../../../shared/balkanid/findings';
import type { ValidationProgress } from '../../core/balkanid/validator/index';
import { runWorkerTask } from '../../core/service/jobs/runWorkerTask';
import { EXIT, CliError, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { formatValidationReport } from '../formatValidationReport';

export async function runValidateCommand(
  positionals: string[],
  json: boolean,
  context: Pick<CliEnvironment, 'out' | 'signal'>,
): Promise<ExitCode> {
  if (positionals.length === 0)
    throw usageError(
      'validate needs the entities file: okta-prep validate ENTITIES.csv [RELATIONS.csv] (or ENTITLEMENTS.csv alone)',
    );
  if (positionals.length > 2)
    throw usageError(`validate takes at most two files (entities, then relations), not ${positionals.length}`);
  const [entitiesPath, relationsPath] = positionals;
  const report = await validateInWorker(entitiesPath!, relationsPath, context);
  if (json) context.out.json(report);
  else context.out.result(formatValidationReport(report));
  return report.errorCount > 0 ? EXIT.blockingFindings : EXIT.ok;
}

async function validateInWorker(
  entitiesPath: string,
  relationsPath: string | undefined,
  { out, signal }: Pick<CliEnvironment, 'out' | 'signal'>,
): Promise<ValidationReport> {
  const files = {
    entities: entitiesPath,
    relations: relationsPath,
    entitlements: entitiesPath,
    'cross-file': 'both files',
  };
  const handle = runWorkerTask({ kind: 'validateFiles', entitiesPath, relationsPath }, (progress) => {
    if (progress.kind === 'validate') out.progress(describeProgress(progress.progress, files));
  });
  const cancel = () => handle.cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) cancel();
  const outcome = await handle.outcome.finally(() => signal?.removeEventListener('abort', cancel));
  out.endProgress();
  if (outcome.ok) return outcome.result.value as ValidationReport;
  if (outcome.error.code === 'CANCELLED')
    throw new CliError('validation cancelled: no report (a check cut short is not a result)', EXIT.cancelled);
  throw new CliError(outcome.error.message, outcome.error.code === 'BAD_INPUT' ? EXIT.usage : EXIT.local);
}

/** `checking relations (entity-relations.csv): 42% of 1.2 GB, 3,456,789 rows` */
function describeProgress(
  progress: ValidationProgress,
  files: Record<ValidationProgress['phase'], string | undefined>,
) {
  const share = progress.bytesTotal > 0 ? Math.floor((100 * progress.bytesRead) / progress.bytesTotal) : 100;
  const size = formatBytes(progress.bytesTotal);
  const rows = progress.phase === 'cross-file' ? '' : `, ${progress.rows.toLocaleString('en-US')} rows`;
  return `checking ${progress.phase} (${files[progress.phase]}): ${share}% of ${size}${rows}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1e3)} kB`;
}
