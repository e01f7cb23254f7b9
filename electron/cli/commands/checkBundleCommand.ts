// `okta-prep check-bundle --dir BUNDLE`: checks an export bundle against its manifest.json — the files are there,
// with the sizes, SHA-256 and row counts it lists, and the export found no validation errors. Exit 1 when it fails.
import { checkBundle } from '../../core/balkanid/bundleCheck/checkBundle';
import type { CliValues } from '../cliArgs';
import { EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { describeBundleCheck } from '../formatUpload';

export async function runCheckBundleCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  if (values.dir === undefined) throw usageError('check-bundle needs --dir BUNDLE (the folder an export wrote)');
  const { report } = await checkBundle(values.dir, context.signal);
  if (values.json) context.out.json(report);
  else context.out.result(describeBundleCheck(report));
  return report.ok ? EXIT.ok : EXIT.blockingFindings;
}
