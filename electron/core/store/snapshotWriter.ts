// Writes what a pull receives into one snapshot: each page's rows and the cursor after it commit together,
// so a crash loses at most the pages not yet committed and a resumed pull continues exactly where it stopped.
// Pages are committed in small batches: one transaction per page rewrote the same random index pages thousands of
// times (measured: 1.4 GB of WAL writes for a 10,000-user org), a batch of pages writes them once.
import type {
  OktaApp,
  OktaAppGroupAssignment,
  OktaAppUser,
  OktaFactor,
  OktaGroup,
  OktaIamRole,
  OktaRoleAssignment,
  OktaUser,
} from '../../../shared/okta/types';
import { userDisplayName } from '../../../shared/okta/displayNames';
import type { FollowedPage } from '../pull/listingLoopGuard';
import type { Db } from './openDatabase';

export type PageRows =
  | { kind: 'users'; items: OktaUser[] }
  | { kind: 'groups'; items: OktaGroup[] }
  | { kind: 'groupMembers'; groupId: string; items: OktaUser[] }
  | { kind: 'apps'; items: OktaApp[] }
  | { kind: 'appUsers'; appId: string; items: OktaAppUser[] }
  | { kind: 'appGroups'; appId: string; items: OktaAppGroupAssignment[] }
  | { kind: 'customRoles'; items: OktaIamRole[] }
  | { kind: 'roleAssignments'; principalType: 'user' | 'group'; principalId: string; items: OktaRoleAssignment[] }
  | { kind: 'factors'; userId: string; items: OktaFactor[] }
  | { kind: 'none' };

export interface ScheduledTask {
  key: string;
  url: string;
}

/** Raw JSON without navigation links (they are URLs, not data) and without embedded copies of other objects. */
function rawJson(object: object): string {
  const { _links: _ignoredLinks, _embedded, ...rest } = object as Record<string, unknown>;
  const embedded = _embedded as Record<string, unknown> | undefined;
  if (embedded?.stats !== undefined) return JSON.stringify({ ...rest, _embedded: { stats: embedded.stats } });
  return JSON.stringify(rest);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The BalkanID role entity key: the role type for standard roles, the custom role id for custom ones. */
export function roleKeyOf(assignment: Pick<OktaRoleAssignment, 'type' | 'role'>): string {
  return assignment.type === 'CUSTOM' && assignment.role ? assignment.role : assignment.type;
}

interface PendingPage {
  taskKey: string;
  page: PageRows;
  nextUrl: string | undefined;
  followUps: readonly ScheduledTask[];
  /** The page's own link, kept while its listing goes on so a resume can tell a loop (listingLoopGuard.ts). */
  followed?: FollowedPage;
}

/** A batch is committed once it holds this many rows, this many pages, or its oldest page is this old (rows bound memory). */
const BATCH_LIMITS = { rows: 2000, pages: 100, ageMs: 250 };

function rowCount(page: PageRows): number {
  return page.kind === 'none' ? 0 : page.items.length;
}

export class SnapshotWriter {
  private readonly statements;
  private readonly commitBatch;
  private pending: PendingPage[] = [];
  private pendingRows = 0;
  private oldestPendingAt = 0;

  constructor(
    private readonly db: Db,
    readonly snapshotId: number,
  ) {
    this.statements = {
      user: db.prepare(
        `INSERT OR REPLACE INTO users (snapshot_id, id, status, login, email, name, first_name, last_name, created, last_updated, last_login, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      userExists: db.prepare(`SELECT 1 FROM users WHERE snapshot_id = ? AND id = ?`).pluck(),
      userIfAbsent: db.prepare(
        `INSERT OR IGNORE INTO users (snapshot_id, id, status, login, email, name, first_name, last_name, created, last_updated, last_login, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      group: db.prepare(
        `INSERT OR REPLACE INTO groups (snapshot_id, id, type, name, description, created, last_updated, last_membership_updated,
           users_count, apps_count, has_admin_privilege, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      member: db.prepare(`INSERT OR IGNORE INTO group_members (snapshot_id, group_id, user_id) VALUES (?, ?, ?)`),
      app: db.prepare(
        `INSERT OR REPLACE INTO apps (snapshot_id, id, name, label, status, sign_on_mode, created, last_updated, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      appUser: db.prepare(
        `INSERT OR REPLACE INTO app_users (snapshot_id, app_id, user_id, scope, status, user_name, raw) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      appGroup: db.prepare(`INSERT OR REPLACE INTO app_groups (snapshot_id, app_id, group_id, priority, raw) VALUES (?, ?, ?, ?, ?)`),
      customRole: db.prepare(
        `INSERT OR REPLACE INTO roles (snapshot_id, role_key, label, role_type, is_custom, description, raw) VALUES (?, ?, ?, 'CUSTOM', 1, ?, ?)`,
      ),
      // A standard role has no definition endpoint: the first assignment seen names it. Never overwrite a custom role's definition.
      roleFromAssignment: db.prepare(
        `INSERT OR IGNORE INTO roles (snapshot_id, role_key, label, role_type, is_custom, description, raw) VALUES (?, ?, ?, ?, ?, NULL, NULL)`,
      ),
      roleAssignment: db.prepare(
        `INSERT OR REPLACE INTO role_assignments (snapshot_id, principal_type, principal_id, assignment_id, role_key, status, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      factor: db.prepare(
        `INSERT OR REPLACE INTO factors (snapshot_id, user_id, id, factor_type, provider, status, raw) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      scheduleTask: db.prepare(
        `INSERT OR IGNORE INTO pull_tasks (snapshot_id, task_key, next_url, done, rows, requests) VALUES (?, ?, ?, 0, 0, 0)`,
      ),
      task: db.prepare(
        `INSERT INTO pull_tasks (snapshot_id, task_key, next_url, done, rows, requests) VALUES (?, ?, ?, ?, ?, 1)
         ON CONFLICT (snapshot_id, task_key) DO UPDATE SET next_url = excluded.next_url, done = excluded.done,
           rows = rows + excluded.rows, requests = requests + 1`,
      ),
      followedPage: db.prepare(`INSERT OR IGNORE INTO pull_listing_pages (snapshot_id, task_key, link, items_key) VALUES (?, ?, ?, ?)`),
    };
    this.commitBatch = db.transaction((batch: readonly PendingPage[]) => {
      for (const { taskKey, page, nextUrl, followUps, followed } of batch) {
        const rows = this.writeRows(page);
        if (followed) this.statements.followedPage.run(this.snapshotId, taskKey, followed.link, followed.itemsKey);
        for (const task of followUps) this.statements.scheduleTask.run(this.snapshotId, task.key, task.url);
        this.statements.task.run(this.snapshotId, taskKey, nextUrl ?? null, nextUrl ? 0 : 1, rows);
      }
    });
  }

  /**
   * Queues one page, the cursor that follows it (none = the listing is done) and the follow-up listings the page
   * revealed (e.g. one member listing per group); they reach the database together, in one transaction.
   */
  commitPage(taskKey: string, page: PageRows, nextUrl: string | undefined, followUps: readonly ScheduledTask[] = [], followed?: FollowedPage): void {
    if (this.pending.length === 0) this.oldestPendingAt = Date.now();
    this.pending.push({ taskKey, page, nextUrl, followUps, followed });
    this.pendingRows += rowCount(page);
    if (
      this.pendingRows >= BATCH_LIMITS.rows ||
      this.pending.length >= BATCH_LIMITS.pages ||
      Date.now() - this.oldestPendingAt >= BATCH_LIMITS.ageMs
    ) {
      this.flush();
    }
  }

  /** Commits every queued page. Call before reading pull state back, and before the pull ends (even on failure). */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingRows = 0;
    this.commitBatch(batch);
  }

  /** Records listings to run later, unless already known (so a resumed pull never schedules twice). */
  schedule(tasks: readonly ScheduledTask[]): void {
    this.flush();
    this.db.transaction(() => {
      for (const task of tasks) this.statements.scheduleTask.run(this.snapshotId, task.key, task.url);
    })();
  }

  private userValues(user: OktaUser): unknown[] {
    const profile = user.profile;
    return [
      this.snapshotId,
      user.id,
      user.status,
      profile.login,
      text(profile.email),
      userDisplayName(user),
      text(profile.firstName),
      text(profile.lastName),
      user.created ?? null,
      user.lastUpdated ?? null,
      user.lastLogin ?? null,
      rawJson(user),
    ];
  }

  private writeRows(page: PageRows): number {
    const s = this.statements;
    const id = this.snapshotId;
    switch (page.kind) {
      case 'users':
        for (const user of page.items) s.user.run(this.userValues(user));
        return page.items.length;
      case 'groupMembers':
        for (const user of page.items) {
          // A member who joined after the user listing passed still belongs in the snapshot.
          // Checking first is far cheaper than building and binding the whole row for every membership.
          if (s.userExists.get(id, user.id) === undefined) s.userIfAbsent.run(this.userValues(user));
          s.member.run(id, page.groupId, user.id);
        }
        return page.items.length;
      case 'groups':
        for (const group of page.items) {
          const stats = group._embedded?.stats;
          s.group.run(
            id,
            group.id,
            group.type,
            group.profile.name,
            text(group.profile.description),
            group.created ?? null,
            group.lastUpdated ?? null,
            group.lastMembershipUpdated ?? null,
            stats?.usersCount ?? null,
            stats?.appsCount ?? null,
            stats?.hasAdminPrivlege ? 1 : 0,
            rawJson(group),
          );
        }
        return page.items.length;
      case 'apps':
        for (const app of page.items) {
          s.app.run(id, app.id, app.name, app.label, app.status, text(app.signOnMode), text(app.created), text(app.lastUpdated), rawJson(app));
        }
        return page.items.length;
      case 'appUsers':
        for (const appUser of page.items) {
          s.appUser.run(id, page.appId, appUser.id, appUser.scope, text(appUser.status), text(appUser.credentials?.userName), rawJson(appUser));
        }
        return page.items.length;
      case 'appGroups':
        for (const assignment of page.items) {
          s.appGroup.run(id, page.appId, assignment.id, assignment.priority ?? null, rawJson(assignment));
        }
        return page.items.length;
      case 'customRoles':
        for (const role of page.items) s.customRole.run(id, role.id, role.label, role.description ?? null, rawJson(role));
        return page.items.length;
      case 'roleAssignments': {
        let written = 0;
        for (const assignment of page.items) {
          // /users/{id}/roles also lists roles inherited from groups; those belong to the group, which is pulled itself.
          if (page.principalType === 'user' && assignment.assignmentType !== 'USER') continue;
          const roleKey = roleKeyOf(assignment);
          s.roleFromAssignment.run(id, roleKey, assignment.label, assignment.type, assignment.type === 'CUSTOM' ? 1 : 0);
          s.roleAssignment.run(id, page.principalType, page.principalId, assignment.id, roleKey, text(assignment.status), rawJson(assignment));
          written++;
        }
        return written;
      }
      case 'factors':
        for (const factor of page.items) {
          s.factor.run(id, page.userId, factor.id, factor.factorType, text(factor.provider), text(factor.status), rawJson(factor));
        }
        return page.items.length;
      case 'none':
        return 0;
    }
  }
}
