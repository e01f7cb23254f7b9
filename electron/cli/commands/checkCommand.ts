// `okta-prep check`: the permission preflight — what the credentials can read, what a missing permission costs
// the export, and an estimate of a full pull's requests and time — before any long pull starts.
import type { PreflightReport } from '../../../shared/service/types';
import { OktaClient } from '../../core/okta/oktaClient';
import { OktaError } from '../../core/okta/oktaErrors';
import { RateLimitGovernor } from '../../core/okta/rateLimitGovernor';
import { runPreflight } from '../../core/pull/preflight';
import type { CliValues } from '../cliArgs';
import { parseShare } from '../cliArgs';
import { EXIT, CliError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { readCredentials } from '../readCredentials';
import { authFor, parseOrgUrl } from './pullCommand';

export function describePreflight(report: PreflightReport): string {
  if (report.unreachable)
    return `${report.unreachable.message}\n  not checked: ${report.unreachable.checksNotRun.join(', ')}`;
  const lines = [
    `${report.orgUrl}: ${report.ok ? 'every object kind can be read' : 'SOME OBJECT KINDS CANNOT BE READ'}`,
  ];
  for (const check of report.checks) {
    lines.push(
      `  ${check.readable ? 'ok     ' : 'MISSING'} ${check.objectKind}${check.readable ? '' : ` — ${check.detail}`}`,
    );
    if (!check.readable) lines.push(`          the export loses: ${check.consequence}`);
  }
  if (report.estimate) {
    const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));
    const { estimate } = report;
    lines.push(
      `  a full pull needs about ${estimate.requests} requests and ${minutes(estimate.seconds)} minute(s) at ` +
        `this share of the rate limits;` +
        ` with factors about ${estimate.withFactors.requests} requests and ` +
        `${minutes(estimate.withFactors.seconds)} minute(s)`,
      `  reading every group's members and roles (--read-every-group, without factors): about ` +
        `${estimate.readingEveryGroup.requests} requests and ${minutes(estimate.readingEveryGroup.seconds)} ` +
        `minute(s)`,
    );
  }
  return lines.join('\n');
}

export async function runCheckCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  const orgUrl = parseOrgUrl(values.org, context.out);
  const credentials = readCredentials(values, context.env);
  const governor = new RateLimitGovernor({ share: parseShare(values.share) });
  const client = new OktaClient({
    orgUrl,
    auth: await authFor(orgUrl, { credentials, signal: context.signal }),
    governor,
    signal: context.signal,
    maxRetries: 2,
  });
  let report: PreflightReport;
  try {
    report = await runPreflight(client);
  } catch (error) {
    if (error instanceof OktaError) throw new CliError(error.message, EXIT.okta);
    throw error;
  }
  if (values.json) context.out.json(report);
  else context.out.result(describePreflight(report));
  return report.ok ? EXIT.ok : EXIT.okta;
}
