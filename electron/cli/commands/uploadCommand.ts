// `okta-prep upload --dir BUNDLE --api-key-id ID --api-key-secret-file FILE [--base-url URL]`: sends an export bundle
// to BalkanID's bulk API (entities first), after checking it against its manifest.json.
import { BaseUrlError, normaliseBaseUrl } from '../../core/balkanid/upload/baseUrl';
import { BundleRefusedError, uploadBundle } from '../../core/balkanid/upload/uploadBundle';
import { BalkanIdUploadError, describeUploadFailure } from '../../core/balkanid/upload/uploadErrors';
import type { UploadResult } from '../../../shared/balkanid/bundleUpload';
import type { CliValues } from '../cliArgs';
import { CliError, EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { describeBundleCheck, describeUpload, reportUploadEvent } from '../formatUpload';
import { readBalkanIdKey } from '../readBalkanIdKey';

export async function runUploadCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  const { out } = context;
  if (values.dir === undefined) throw usageError('upload needs --dir BUNDLE (the folder an export wrote)');
  let baseUrl: string;
  try {
    baseUrl = normaliseBaseUrl(values['base-url']);
  } catch (error) {
    if (error instanceof BaseUrlError) throw usageError(`bad --base-url: ${error.message}`);
    throw error;
  }
  const apiKey = readBalkanIdKey(values, context.env);
  let result: UploadResult;
  try {
    const onEvent = (event: Parameters<typeof reportUploadEvent>[0]) => reportUploadEvent(event, out);
    result = await uploadBundle({ dir: values.dir, baseUrl, apiKey, signal: context.signal, onEvent });
  } catch (error) {
    out.endProgress();
    if (error instanceof BundleRefusedError && values.json) {
      out.json({ uploaded: false, check: error.report });
      return EXIT.blockingFindings;
    }
    throw cliErrorOfUpload(error);
  }
  out.endProgress();
  if (values.json) out.json({ uploaded: true, ...result });
  else out.result(describeUpload(result));
  return EXIT.ok;
}

/** Exit codes: a refused bundle or a file changed mid-upload 1, BalkanID or the network 3, cancelled or local 4. */
function cliErrorOfUpload(error: unknown): CliError {
  if (error instanceof BundleRefusedError)
    return new CliError(`upload refused: ${describeBundleCheck(error.report)}`, EXIT.blockingFindings);
  if (!(error instanceof BalkanIdUploadError))
    return new CliError(`upload failed: ${(error as Error).message}`, EXIT.local);
  const message = `upload failed: ${describeUploadFailure(error)}`;
  if (error.kind === 'file-changed') return new CliError(message, EXIT.blockingFindings);
  if (error.kind === 'cancelled') return new CliError(message, EXIT.local);
  return new CliError(message, EXIT.okta);
}
