// The order of the pull's listings. The four object families run in parallel (they use different rate-limit buckets);
// within a family a listing's follow-ups (members of the groups listed, users of the apps ...) run after it.
import type { ListingRunner } from './listingRunner';
import type { PullRun } from './pullRun';
import { FIRST_URLS } from './pullTaskKinds';

export type PullFamily = (run: PullRun, runner: ListingRunner) => Promise<void>;

/** Users (and factors), groups (members, roles), apps (assignments), admin roles. */
export const PULL_FAMILIES: readonly PullFamily[] = [pullUsers, pullGroups, pullApps, pullAdminRoles];

// Listed once; a quick refresh's user step also waits for it (the deletion check needs the Everyone group's count).
const listGroups = (runner: ListingRunner) => runner.runShared('groups', FIRST_URLS.groups);

async function pullUsers(run: PullRun, runner: ListingRunner): Promise<void> {
  const { quick, writer } = run;
  if (quick) {
    await runner.runTask('users-changed', FIRST_URLS.usersChanged(quick.changedSince));
    await runner.runTask('users-deprovisioned', FIRST_URLS.usersDeprovisioned);
    await listGroups(runner);
    writer.flush();
    if (quick.completeUsers()) await runner.runTask('users', FIRST_URLS.users);
  } else {
    await runner.runTask('users', FIRST_URLS.users);
    await runner.runTask('users-deprovisioned', FIRST_URLS.usersDeprovisioned);
  }
  if (run.includeFactors) await pullFactors(run, runner);
}

/** One factors listing per user the snapshot holds, scheduled once the users are in. */
async function pullFactors(run: PullRun, runner: ListingRunner): Promise<void> {
  const { db, snapshotId, writer } = run;
  writer.flush();
  const ids = db.prepare(`SELECT id FROM users WHERE snapshot_id = ? ORDER BY id`).pluck().all(snapshotId) as string[];
  writer.schedule(ids.map((id) => ({ key: `factors:${id}`, url: FIRST_URLS.factors(id) })));
  await runner.runPending('factors:');
}

async function pullGroups(run: PullRun, runner: ListingRunner): Promise<void> {
  await listGroups(runner);
  if (run.quick) {
    run.writer.flush();
    run.quick.copyUnchangedMembers();
  }
  await runner.runPending('group-members:');
  await runner.runPending('group-roles:');
}

async function pullApps(_run: PullRun, runner: ListingRunner): Promise<void> {
  await runner.runTask('apps', FIRST_URLS.apps);
  await runner.runPending('app-');
}

async function pullAdminRoles(_run: PullRun, runner: ListingRunner): Promise<void> {
  await runner.runTask('custom-roles', FIRST_URLS.customRoles);
  await runner.runTask('role-assignees', FIRST_URLS.roleAssignees);
  await runner.runPending('user-roles:');
}
