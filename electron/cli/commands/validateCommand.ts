// `okta-prep validate`: checks any entities / entity-relations CSV pair against the BalkanID contract.
import { validateCsvFiles } from '../../core/balkanid/validator/index';
import { EXIT, CliError, usageError, type ExitCode } from '../cliErrors';
import type { CliOutput } from '../cliOutput';
import { formatValidationReport } from '../formatValidationReport';

export async function runValidateCommand(positionals: string[], json: boolean, out: CliOutput): Promise<ExitCode> {
  if (positionals.length === 0)
    throw usageError('validate needs the entities file: okta-prep validate ENTITIES.csv [RELATIONS.csv]');
  if (positionals.length > 2)
    throw usageError(`validate takes at most two files (entities, then relations), not ${positionals.length}`);
  const [entitiesPath, relationsPath] = positionals;
  let report;
  try {
    report = await validateCsvFiles({ entitiesPath, relationsPath });
  } catch (error) {
    throw new CliError(`${(error as Error).message}`, EXIT.usage);
  }
  if (json) out.json(report);
  else out.result(formatValidationReport(report));
  return report.errorCount > 0 ? EXIT.blockingFindings : EXIT.ok;
}
