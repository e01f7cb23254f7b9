// Calls the running service directly over its HTTP API, to set up what a spec needs without clicking through other
// screens.
import type { MethodName, ParamsOf, ResultOf } from '../../../shared/service/contract';
import type { ServiceResult } from '../../../shared/service/errors';
import { waitForJob } from '../../helpers/waitForJob';
import { readGoodToken, type E2eEnvironment } from './e2eEnvironment';

export async function callService<M extends MethodName>(
  environment: Pick<E2eEnvironment, 'origin' | 'secret'>,
  method: M,
  params: ParamsOf<M>,
): Promise<ResultOf<M>> {
  const response = await fetch(`${environment.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${environment.secret}` },
    body: JSON.stringify({ method, params }),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${await response.text()}`);
  const result = (await response.json()) as ServiceResult<ResultOf<M>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Saves the fake org with the token it accepts. */
export async function saveGoodConnection(environment: E2eEnvironment): Promise<void> {
  await callService(environment, 'connection.save', {
    orgUrl: environment.fakeOktaUrl,
    auth: { kind: 'ssws', token: readGoodToken(environment) },
  });
}

/** The id of a complete snapshot of the fake org, pulling one first if there is none. */
export async function ensureCompleteSnapshot(environment: E2eEnvironment): Promise<number> {
  const origin = new URL(environment.fakeOktaUrl).origin;
  const existing = (await callService(environment, 'snapshots.list', {}))
    .filter((snapshot) => snapshot.status === 'complete' && new URL(snapshot.orgUrl).origin === origin)
    .sort((a, b) => b.id - a.id)[0];
  if (existing) return existing.id;
  await saveGoodConnection(environment);
  return pullSavedConnection(environment, true);
}

/** Pulls the saved connection's org to the end; the new complete snapshot's id. */
export async function pullSavedConnection(environment: E2eEnvironment, includeFactors: boolean): Promise<number> {
  const started = await callService(environment, 'pull.start', { includeFactors, share: 1 });
  const finished = await waitForJob(() => callService(environment, 'jobs.list', {}), started.id, {
    timeoutMs: 150_000,
    pollMs: 500,
  });
  if (finished.status !== 'complete' || finished.snapshotId === undefined) {
    throw new Error(`setup pull ended ${finished.status}: ${finished.error?.message ?? ''}`);
  }
  return finished.snapshotId;
}

/**
 * A user of the snapshot who reaches at least one app: a search term that finds only them (the login), and that app's
 * label.
 */
export async function findUserWithApps(
  environment: E2eEnvironment,
  snapshotId: number,
): Promise<{ id: string; searchTerm: string; appLabel: string }> {
  const page = await callService(environment, 'browse.page', { snapshotId, table: 'users', offset: 0, limit: 100 });
  for (const row of page.rows) {
    const id = String(row.id);
    const access = await callService(environment, 'browse.userAccess', { snapshotId, userId: id });
    const app = access.apps[0];
    const searchTerm = [row.login, row.email, row.name].find((value) => typeof value === 'string' && value !== '');
    if (app && typeof searchTerm === 'string') return { id, searchTerm, appLabel: app.appLabel };
  }
  throw new Error('no user among the first 100 reaches an app');
}
