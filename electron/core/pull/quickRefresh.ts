// Quick refresh: a new snapshot built on a complete one of the same org (the base). Users changed since the base
// started are listed (lastUpdated filter) and the others copied; groups whose membership timestamp did not move keep
// the base's members; a count against the Everyone group catches deleted users and falls back to a full user listing.
import type { OktaGroup } from '../../../shared/okta/types';
import type { Db } from '../store/openDatabase';
import { fellBackToFullUserListing, getSnapshot, type SnapshotInfo } from '../store/snapshots';
import type { ScheduledTask } from '../store/snapshotWriter';
import { FIRST_URLS } from './pullTaskKinds';
import { deniedObjectIds, SOME_DENIED } from './deniedObjects';

/** Okta's clock and ours may disagree: users changed up to this long before the base started are re-read too. */
export const CLOCK_SKEW_MARGIN_MS = 5 * 60_000;

/** The full user listing; in a quick refresh this task exists only once the deletion check failed. */
const FULL_USER_LISTING = 'users';

export class QuickRefreshError extends Error {
  override name = 'QuickRefreshError';
}

/** The base, if a quick refresh of this org (with or without factors) may start from it; a clear error otherwise. */
export function checkQuickRefreshBase(
  db: Db,
  baseId: number,
  target: { orgUrl: string; includeFactors: boolean },
): SnapshotInfo {
  const base = getSnapshot(db, baseId);
  if (!base)
    throw new QuickRefreshError(`there is no snapshot ${baseId} to refresh from; list them with "okta-prep snapshots"`);
  if (base.status !== 'complete') {
    throw new QuickRefreshError(
      `snapshot ${baseId} is ${base.status}, not complete: a quick refresh starts from a complete snapshot ` +
        `(finish that pull or run a full pull)`,
    );
  }
  if (base.orgUrl !== target.orgUrl) {
    throw new QuickRefreshError(
      `snapshot ${baseId} was pulled from ${base.orgUrl}, not ${target.orgUrl}: a quick refresh starts from a ` +
        `snapshot of the same org`,
    );
  }
  if (base.includeFactors !== target.includeFactors) {
    const was = base.includeFactors ? 'with' : 'without';
    throw new QuickRefreshError(
      `snapshot ${baseId} was pulled ${was} MFA factors: a quick refresh from it must also be ${was} factors ` +
        `(or run a full pull)`,
    );
  }
  // Groups refused one by one (a scoped admin) are listed again, not copied: only a kind-wide gap rules the base out.
  const gap = base.gaps.find(
    (candidate) =>
      candidate.objectKind === 'users' ||
      (candidate.objectKind === 'group members' && candidate.reason !== SOME_DENIED),
  );
  if (gap)
    throw new QuickRefreshError(
      `snapshot ${baseId} is incomplete for ${gap.objectKind}, so it cannot be copied from: run a full pull`,
    );
  return base;
}

export class QuickRefresh {
  /** Users whose lastUpdated is after this instant are listed again (Okta timestamp format). */
  readonly changedSince: string;
  private readonly baseMembershipStamp;
  /** Groups whose members Okta refused to list for the base: nothing to copy, so they are asked again. */
  private readonly refusedInBase: Set<string>;

  constructor(
    private readonly db: Db,
    private readonly snapshotId: number,
    readonly base: SnapshotInfo,
  ) {
    this.changedSince = new Date(Date.parse(base.startedAt) - CLOCK_SKEW_MARGIN_MS).toISOString();
    this.baseMembershipStamp = db
      .prepare(`SELECT last_membership_updated FROM groups WHERE snapshot_id = ? AND id = ?`)
      .pluck();
    this.refusedInBase = new Set(deniedObjectIds(db, base.id, 'group-members'));
  }

  /**
   * Same group, same membership timestamp as in the base (a group absent from the base, or without a stamp, is not).
   */
  private membershipUnchanged(group: OktaGroup): boolean {
    if (this.refusedInBase.has(group.id)) return false;
    const stamp = this.baseMembershipStamp.get(this.base.id, group.id);
    return typeof stamp === 'string' && stamp === group.lastMembershipUpdated;
  }

  /** Drops the member listings a groups page would schedule for groups whose members are copied from the base. */
  keepFollowUps(kindName: string, items: unknown[], tasks: ScheduledTask[]): ScheduledTask[] {
    if (kindName !== 'groups') return tasks;
    const copied = new Set(
      (items as OktaGroup[])
        .filter((group) => this.membershipUnchanged(group))
        .map((group) => `group-members:${group.id}`),
    );
    return tasks.filter((task) => !copied.has(task.key));
  }

  /**
   * Copies the base's members of every group whose membership timestamp did not move (run after the groups listing).
   */
  copyUnchangedMembers(): number {
    return this.db
      .prepare(
        `INSERT OR IGNORE INTO group_members (snapshot_id, group_id, user_id)
         SELECT @snapshotId, m.group_id, m.user_id FROM group_members m
           JOIN groups b ON b.snapshot_id = m.snapshot_id AND b.id = m.group_id
           JOIN groups n ON n.snapshot_id = @snapshotId AND n.id = m.group_id
         WHERE m.snapshot_id = @baseId AND n.last_membership_updated = b.last_membership_updated`,
      )
      .run({ snapshotId: this.snapshotId, baseId: this.base.id }).changes;
  }

  /** True once the deletion check failed: the snapshot's users come from a full user listing instead. */
  fellBack(): boolean {
    return fellBackToFullUserListing(this.db, this.snapshotId);
  }

  /**
   * After the changed-user and DEPROVISIONED listings and the groups listing: copies every other non-DEPROVISIONED user
   * from the base, then checks that the non-DEPROVISIONED users number what the Everyone group counts now. When they
   * do not (a user was deleted, or counts drifted), the copies go and a full user listing is scheduled: returns true,
   * run the `users` task. Idempotent, so a resumed refresh repeats it safely.
   */
  completeUsers(): boolean {
    if (this.fellBack()) return true;
    const usersDenied = this.db
      .prepare(`SELECT 1 FROM snapshot_gaps WHERE snapshot_id = ? AND object_kind = 'users'`)
      .get(this.snapshotId);
    if (usersDenied) return false; // the snapshot records the users gap, as a full pull would
    return this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR IGNORE INTO users (snapshot_id, id, status, login, email, name, first_name, last_name,
             created, last_updated, last_login, raw)
           SELECT ?, id, status, login, email, name, first_name, last_name, created, last_updated, last_login, raw
           FROM users WHERE snapshot_id = ? AND status <> 'DEPROVISIONED'`,
        )
        .run(this.snapshotId, this.base.id);
      if (this.usersMatchEveryone()) return false;
      this.db.prepare(`DELETE FROM users WHERE snapshot_id = ? AND status <> 'DEPROVISIONED'`).run(this.snapshotId);
      this.db
        .prepare(
          `INSERT OR IGNORE INTO pull_tasks (snapshot_id, task_key, next_url, done, rows, requests) VALUES ` +
            `(?, ?, ?, 0, 0, 0)`,
        )
        .run(this.snapshotId, FULL_USER_LISTING, FIRST_URLS.users);
      return true;
    })();
  }

  private usersMatchEveryone(): boolean {
    const row = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM users WHERE snapshot_id = @id AND status <> 'DEPROVISIONED') AS users,
                (SELECT max(users_count) FROM groups WHERE snapshot_id = @id AND type = 'BUILT_IN') AS everyone`,
      )
      .get({ id: this.snapshotId }) as { users: number; everyone: number | null };
    return row.everyone !== null && row.users === row.everyone;
  }
}
