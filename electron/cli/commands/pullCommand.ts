// `okta-prep pull`: pulls an org into a new snapshot (or resumes one) and prints what it got.
import { APP_VERSION } from '../../core/appInfo';
import type { OktaAuth } from '../../core/okta/auth';
import { createOktaAuth } from '../../core/okta/oauth/createOktaAuth';
import { PrivateKeyError } from '../../core/okta/oauth/loadPrivateKey';
import { OktaClient } from '../../core/okta/oktaClient';
import { normaliseOrgUrl, OrgUrlError } from '../../core/okta/orgUrl';
import { RateLimitGovernor } from '../../core/okta/rateLimitGovernor';
import { pullOrg, type PullResult } from '../../core/pull/pullOrg';
import type { Db } from '../../core/store/openDatabase';
import { EXIT, CliError, usageError } from '../cliErrors';
import type { CliOutput } from '../cliOutput';
import { formatPullProgress } from '../formatPullProgress';
import { OktaError } from '../../core/okta/oktaErrors';
import { PullError, PullPaused } from '../../core/pull/pullOrg';
import { latestCompleteSnapshotOf, latestUnfinishedSnapshotOf } from '../../core/store/snapshots';
import type { CliCredentials } from '../readCredentials';
import { describeRelationsLeftOut } from '../../../shared/balkanid/relationsLeftOut';

export interface PullCommandInput {
  org: string;
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

/** The authoriser for the credentials; a key file that cannot be used is a usage error (exit 2), before any snapshot starts. */
export async function authFor(orgUrl: string, input: Pick<PullCommandInput, 'credentials' | 'signal'>): Promise<OktaAuth> {
  const credentials = input.credentials;
  if (credentials.kind === 'ssws') return createOktaAuth(credentials);
  try {
    return await createOktaAuth({
      kind: 'oauth',
      orgUrl,
      clientId: credentials.clientId,
      privateKey: credentials.privateKey,
      keyFileName: credentials.privateKeyFile,
      signal: input.signal,
    });
  } catch (error) {
    if (error instanceof PrivateKeyError) throw usageError(error.message);
    throw error;
  }
}

export async function runPull(db: Db, orgUrl: string, input: PullCommandInput, out: CliOutput): Promise<PullResult> {
  const client = new OktaClient({
    orgUrl,
    auth: await authFor(orgUrl, input),
    governor: new RateLimitGovernor({ share: input.share }),
    signal: input.signal,
  });
  try {
    return await pullOrg({
      db,
      client,
      includeFactors: input.includeFactors,
      readEveryGroup: input.readEveryGroup,
      appVersion: APP_VERSION,
      resumeSnapshotId: input.resumeSnapshotId,
      quickRefreshFrom: input.quickRefreshFrom,
      signal: input.signal,
      onProgress: (progress) => out.progress(formatPullProgress(progress)),
      onWarning: (warning) => out.note(`warning: ${warning.message}`),
    });
  } catch (error) {
    if (error instanceof PullPaused) {
      const cause = (error.cause as Error).message;
      const resume = `okta-prep pull --org ${orgUrl} --resume`;
      throw new CliError(`pull ${cause}. Snapshot ${error.snapshotId} keeps what was received. Resume with "${resume}" to allow another ${error.allowance} requests, or leave it.`, EXIT.paused);
    }
    if (error instanceof PullError) {
      const exitCode = error.cause instanceof OktaError ? EXIT.okta : EXIT.local;
      throw new CliError(`pull failed: ${error.message}`, exitCode);
    }
    throw new CliError(`pull failed: ${(error as Error).message}`, EXIT.usage);
  } finally {
    out.endProgress();
  }
}

export function describePullResult(orgUrl: string, result: PullResult): string {
  const c = result.counts;
  const lines = [
    `snapshot ${result.snapshotId} of ${orgUrl} is complete (${result.requests} requests, ${(result.durationMs / 1000).toFixed(1)} s)`,
    `  users ${c.users}, groups ${c.groups}, memberships ${c.groupMemberships}, apps ${c.apps}`,
    `  app assignments: ${c.directAppAssignments} direct, ${c.appUserAssignments - c.directAppAssignments} through groups, ${c.appGroupAssignments} group assignments`,
    `  admin roles ${c.roles}: held by ${c.userRoleAssignments} user assignments, ${c.groupRoleAssignments} group assignments; factors ${c.factors}`,
  ];
  if (result.quickRefresh) {
    const fallback = result.quickRefresh.fellBackToFullUserListing ? ': it fell back to a full user listing (a user was deleted or counts drifted)' : '';
    lines.splice(1, 0, `  quick refresh from snapshot ${result.quickRefresh.baseSnapshotId}${fallback}`);
  }
  for (const gap of result.gaps) lines.push(`  INCOMPLETE: ${gap.objectKind} — ${gap.message}`);
  const leftOut = describeRelationsLeftOut(result.relationsLeftOut, 'pull');
  if (leftOut) lines.push(`  ${leftOut}`);
  if (result.warnings.length > 0) {
    lines.push(`  ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} (also kept in the snapshot's log; "okta-prep snapshots" counts them):`);
    for (const warning of result.warnings) lines.push(`    warning: ${warning.message}`);
  }
  return lines.join('\n');
}

/** The snapshot `pull --resume` continues: the one named, else the latest unfinished snapshot of this org. */
export function snapshotToResume(db: Db, orgUrl: string, chosen: number | undefined): number {
  if (chosen !== undefined) return chosen;
  const unfinished = latestUnfinishedSnapshotOf(db, orgUrl);
  if (unfinished === undefined) throw usageError(`there is no unfinished pull of ${orgUrl} to resume: run "okta-prep pull --org ${orgUrl}" without --resume`);
  return unfinished;
}

/** The base of `pull --quick`: the latest complete snapshot of this org. */
export function snapshotToRefreshFrom(db: Db, orgUrl: string, resuming: boolean): number {
  if (resuming) throw usageError('--resume continues an unfinished pull the way it started (a quick refresh stays one): drop --quick');
  const base = latestCompleteSnapshotOf(db, orgUrl);
  if (base === undefined) throw usageError(`no complete snapshot of ${orgUrl} to refresh from: run a full pull first ("okta-prep pull --org ${orgUrl}")`);
  return base;
}
