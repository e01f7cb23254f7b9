// The one way a pull is started, by the CLI's `pull` (and `demo`) and by the app's job worker alike: signs in with the
// credentials, builds the Okta client with its rate-limit governor, and pulls. Each caller maps failures its own way.
import { authFromCredentials, type OktaCredentials } from '../okta/authFromCredentials';
import { OktaClient } from '../okta/oktaClient';
import { RateLimitGovernor } from '../okta/rateLimitGovernor';
import type { Db } from '../store/openDatabase';
import { pullOrg, type PullOptions, type PullResult } from './pullOrg';

/** What both callers choose; the tuning options of PullOptions (workers, request cap) keep their defaults. */
type ChosenPullOptions = 'includeFactors' | 'readEveryGroup' | 'appVersion' | 'resumeSnapshotId' | 'quickRefreshFrom';

export interface PullJob extends Pick<PullOptions, ChosenPullOptions | 'signal' | 'onProgress' | 'onWarning'> {
  orgUrl: string;
  credentials: OktaCredentials;
  /** The fraction of each rate-limit bucket the pull may use (RateLimitGovernor's default when unset). */
  share?: number;
}

/**
 * Throws PrivateKeyError when the key cannot be used (before any snapshot starts), and PullError or PullPaused when the
 * pull fails or pauses.
 */
export async function runPullJob(db: Db, job: PullJob): Promise<PullResult> {
  const { orgUrl, credentials, share, ...pull } = job;
  const client = new OktaClient({
    orgUrl,
    auth: await authFromCredentials(credentials, orgUrl, job.signal),
    governor: new RateLimitGovernor({ share }),
    signal: job.signal,
  });
  return pullOrg({ ...pull, db, client });
}
