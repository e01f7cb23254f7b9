// `okta-prep pull`: pulls an org into a new snapshot (or resumes one) through runPullJob and prints what it got.
import { APP_VERSION } from '../../core/appInfo';
import type { OktaAuth } from '../../core/okta/auth';
import { authFromCredentials } from '../../core/okta/authFromCredentials';
import { PrivateKeyError } from '../../core/okta/oauth/loadPrivateKey';
import { normaliseOrgUrl, OrgUrlError } from '../../core/okta/orgUrl';
import { PullError, PullPaused, type PullResult } from '../../core/pull/pullOrg';
import { runPullJob } from '../../core/pull/runPullJob';
import type { Db } from '../../core/store/openDatabase';
import { EXIT, CliError, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment, CliOutput } from '../cliOutput';
import type { CliValues } from '../cliArgs';
import { parsePositiveInteger, parseShare } from '../cliArgs';
import { openCache } from '../openCache';
import { readCredentials } from '../readCredentials';
import { formatPullProgress } from '../formatPullProgress';
import { OktaError } from '../../core/okta/oktaErrors';
import { latestCompleteSnapshotOf, latestUnfinishedSnapshotOf } from '../../core/store/snapshots';
import type { CliCredentials } from '../readCredentials';
import { describeRelationsLeftOut } from '../../../shared/balkanid/relationsLeftOut';

export interface PullCommandInput {
  credentials: CliCredentials;
  includeFactors: boolean;
  /** Member and role listings for every group, whatever its stats say. */
  readEveryGroup?: boolean;
  resumeSnapshotId?: number;
  /** Quick refresh from this complete snapshot. */
  quickRefreshFrom?: number;
  share?: number;
  signal?: AbortSignal;
}

export function parseOrgUrl(input: string | undefined, out: CliOutput): string {
  if (input === undefined) throw usageError('missing --org URL, e.g. --org https://acme.okta.com');
  try {
    const normalised = normaliseOrgUrl(input);
    for (const note of normalised.notes) out.note(`note: ${note}`);
    return normalised.url;
  } catch (error) {
    if (error instanceof OrgUrlError) throw usageError(`bad --org: ${error.message}`);
    throw error;
  }
}

/**
 * The authoriser for the credentials; a key file that cannot be used is a usage error (exit 2), before any snapshot
 * starts.
 */
export async function authFor(
  orgUrl: string,
  input: Pick<PullCommandInput, 'credentials' | 'signal'>,
): Promise<OktaAuth> {
  try {
    return await authFromCredentials(input.credentials, orgUrl, input.signal);
  } catch (error) {
    if (error instanceof PrivateKeyError) throw usageError(error.message);
    throw error;
  }
}

export async function runPull(db: Db, orgUrl: string, input: PullCommandInput, out: CliOutput): Promise<PullResult> {
  try {
    return await runPullJob(db, {
      ...input,
      orgUrl,
      appVersion: APP_VERSION,
      onProgress: (progress) => out.progress(formatPullProgress(progress)),
      onWarning: (warning) => out.note(`warning: ${warning.message}`),
    });
  } catch (error) {
    throw cliErrorOfPull(error, orgUrl);
  } finally {
    out.endProgress();
  }
}

/**
 * Exit codes: a key file that cannot be used 2 (before any snapshot starts), paused 5, Okta 3, local 4, else usage 2.
 */
function cliErrorOfPull(error: unknown, orgUrl: string): CliError {
  if (error instanceof PrivateKeyError) return usageError(error.message);
  if (error instanceof PullPaused) {
    const cause = (error.cause as Error).message;
    const resume = `okta-prep pull --org ${orgUrl} --resume`;
    const keeps = `Snapshot ${error.snapshotId} keeps what was received`;
    const choice = `Resume with "${resume}" to allow another ${error.allowance} requests, or leave it.`;
    return new CliError(`pull ${cause}. ${keeps}. ${choice}`, EXIT.paused);
  }
  if (error instanceof PullError) {
    const exitCode = error.cause instanceof OktaError ? EXIT.okta : EXIT.local;
    return new CliError(`pull failed: ${error.message}`, exitCode);
  }
  return new CliError(`pull failed: ${(error as Error).message}`, EXIT.usage);
}

export async function runPullCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  const { out, env } = context;
  const orgUrl = parseOrgUrl(values.org, out);
  const credentials = readCredentials(values, env);
  const chosenSnapshot = parsePositiveInteger(values.snapshot, '--snapshot');
  const share = parseShare(values.share);
  const db = openCache(values, context);
  try {
    const quickRefreshFrom = values.quick ? snapshotToRefreshFrom(db, orgUrl, values.resume === true) : undefined;
    const resumeSnapshotId = values.resume ? snapshotToResume(db, orgUrl, chosenSnapshot) : undefined;
    const includeFactors = values['include-factors'] === true;
    const readEveryGroup = values['read-every-group'] === true;
    const choices = { includeFactors, readEveryGroup, resumeSnapshotId, quickRefreshFrom, share };
    const result = await runPull(db, orgUrl, { credentials, ...choices, signal: context.signal }, out);
    if (values.json) out.json({ orgUrl, ...result });
    else out.result(describePullResult(orgUrl, result));
    return EXIT.ok;
  } finally {
    db.close();
  }
}

export function describePullResult(orgUrl: string, result: PullResult): string {
  const c = result.counts;
  const lines = [
    `snapshot ${result.snapshotId} of ${orgUrl} is complete (${result.requests} requests, ` +
      `${(result.durationMs / 1000).toFixed(1)} s)`,
    `  users ${c.users}, groups ${c.groups}, memberships ${c.groupMemberships}, apps ${c.apps}`,
    `  app assignments: ${c.directAppAssignments} direct, ${c.appUserAssignments - c.directAppAssignments} ` +
      `through groups, ${c.appGroupAssignments} group assignments`,
    `  admin roles ${c.roles}: held by ${c.userRoleAssignments} user assignments, ${c.groupRoleAssignments} ` +
      `group assignments; factors ${c.factors}`,
  ];
  if (result.quickRefresh) {
    const fallback = result.quickRefresh.fellBackToFullUserListing
      ? ': it fell back to a full user listing (a user was deleted or counts drifted)'
      : '';
    lines.splice(1, 0, `  quick refresh from snapshot ${result.quickRefresh.baseSnapshotId}${fallback}`);
  }
  for (const gap of result.gaps) lines.push(`  INCOMPLETE: ${gap.objectKind} — ${gap.message}`);
  const leftOut = describeRelationsLeftOut(result.relationsLeftOut, 'pull');
  if (leftOut) lines.push(`  ${leftOut}`);
  if (result.warnings.length > 0) {
    lines.push(
      `  ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} (also kept in the ` +
        `snapshot's log; "okta-prep snapshots" counts them):`,
    );
    for (const warning of result.warnings) lines.push(`    warning: ${warning.message}`);
  }
  return lines.join('\n');
}

/** The snapshot `pull --resume` continues: the one named, else the latest unfinished snapshot of this org. */
export function snapshotToResume(db: Db, orgUrl: string, chosen: number | undefined): number {
  if (chosen !== undefined) return chosen;
  const unfinished = latestUnfinishedSnapshotOf(db, orgUrl);
  if (unfinished === undefined)
    throw usageError(
      `there is no unfinished pull of ${orgUrl} to resume: run "okta-prep pull --org ${orgUrl}" without --resume`,
    );
  return unfinished;
}

/** The base of `pull --quick`: the latest complete snapshot of this org. */
export function snapshotToRefreshFrom(db: Db, orgUrl: string, resuming: boolean): number {
  if (resuming)
    throw usageError(
      '--resume continues an unfinished pull the way it started (a quick refresh stays one): drop --quick',
    );
  const base = latestCompleteSnapshotOf(db, orgUrl);
  if (base === undefined)
    throw usageError(
      `no complete snapshot of ${orgUrl} to refresh from: run a full pull first ("okta-prep pull --org ${orgUrl}")`,
    );
  return base;
}
