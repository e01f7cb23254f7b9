// Writes what a pull receives into one snapshot: each page's rows and the cursor after it commit together,
// so a crash loses at most the pages not yet committed and a resumed pull continues exactly where it stopped.
// Pages are committed in small batches: one transaction per page rewrote the same random index pages thousands of
// times (measured: 1.4 GB of WAL writes for a 10,000-user org), a batch of pages writes them once.
import type { FollowedPage } from '../pull/listingLoopGuard';
import { ignoreWarnings, type WarningSink } from '../okta/warningSink';
import {
  appGroupColumns,
  appUserColumns,
  customRoleColumns,
  factorColumns,
  roleAssignmentColumns,
} from './assignmentColumns';
import { appColumns, asObject, groupColumns, presentText, userColumns } from './fallbackRules';
import { OddValueReport } from './oddValueReport';
import type { Db } from './openDatabase';
import { prepareWriterStatements, type WriterStatements } from './writerStatements';

/** Items are Okta's JSON as received: fallbackRules.ts decides what each becomes, whatever its shape. */
export type PageRows =
  | { kind: 'users'; items: readonly unknown[] }
  | { kind: 'groups'; items: readonly unknown[] }
  | { kind: 'groupMembers'; groupId: string; items: readonly unknown[] }
  | { kind: 'apps'; items: readonly unknown[] }
  | { kind: 'appUsers'; appId: string; items: readonly unknown[] }
  | { kind: 'appGroups'; appId: string; items: readonly unknown[] }
  | { kind: 'customRoles'; items: readonly unknown[] }
  | { kind: 'roleAssignments'; principalType: 'user' | 'group'; principalId: string; items: readonly unknown[] }
  | { kind: 'factors'; userId: string; items: readonly unknown[] }
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

interface PendingPage {
  taskKey: string;
  page: PageRows;
  nextUrl: string | undefined;
  followUps: readonly ScheduledTask[];
  /** The page's own link, kept while its listing goes on so a resume can tell a loop (listingLoopGuard.ts). */
  followed?: FollowedPage;
}

/**
 * A batch is committed once it holds this many rows, this many pages, or its oldest page is this old (rows bound
 * memory).
 */
const BATCH_LIMITS = { rows: 2000, pages: 100, ageMs: 250 };

function rowCount(page: PageRows): number {
  return page.kind === 'none' ? 0 : page.items.length;
}

export class SnapshotWriter {
  private readonly statements: WriterStatements;
  private readonly commitBatch;
  private pending: PendingPage[] = [];
  private pendingRows = 0;
  private oldestPendingAt = 0;
  private readonly oddValues: OddValueReport;

  /** `warn` hears each new value, fallback and skipped item once (the pull passes its PullWarnings sink). */
  constructor(
    private readonly db: Db,
    readonly snapshotId: number,
    warn: WarningSink = ignoreWarnings,
  ) {
    this.oddValues = new OddValueReport(warn);
    this.statements = prepareWriterStatements(db);
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
  commitPage(
    taskKey: string,
    page: PageRows,
    nextUrl: string | undefined,
    followUps: readonly ScheduledTask[] = [],
    followed?: FollowedPage,
  ): void {
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

  private userValues(item: unknown, listing: string): unknown[] | undefined {
    const user = userColumns(item, listing, this.oddValues);
    if (!user) return undefined;
    const { id, status, login, email, name, firstName, lastName, created, lastUpdated, lastLogin } = user;
    return [
      this.snapshotId,
      id,
      status,
      login,
      email,
      name,
      firstName,
      lastName,
      created,
      lastUpdated,
      lastLogin,
      rawJson(item as object),
    ];
  }

  /** Says how many fallbacks and skipped items this run met in all (call once, when the pull ends). */
  finishOddValueReport(): void {
    this.oddValues.finish();
  }

  /**
   * Writes one page's rows; an item that cannot be stored is skipped with a warning (fallbackRules.ts), never thrown
   * on.
   */
  private writeRows(page: PageRows): number {
    switch (page.kind) {
      case 'users':
        return this.writeUsers(page.items);
      case 'groupMembers':
        return this.writeGroupMembers(page.groupId, page.items);
      case 'groups':
        return this.writeGroups(page.items);
      case 'apps':
        return this.writeApps(page.items);
      case 'appUsers':
      case 'appGroups':
        return this.writeAppAssignments(page);
      case 'customRoles':
      case 'roleAssignments':
        return this.writeRoles(page);
      case 'factors':
        return this.writeFactors(page.userId, page.items);
      case 'none':
        return 0;
    }
  }

  private writeUsers(items: readonly unknown[]): number {
    let written = 0;
    for (const item of items) {
      const values = this.userValues(item, 'users');
      if (!values) continue;
      this.statements.user.run(values);
      written++;
    }
    return written;
  }

  private writeGroupMembers(groupId: string, items: readonly unknown[]): number {
    const s = this.statements;
    let written = 0;
    for (const item of items) {
      const id = presentText(asObject(item)?.id);
      // A member who joined after the user listing passed still belongs in the snapshot.
      // Checking first is far cheaper than building and binding the whole row for every membership.
      if (id === undefined || s.userExists.get(this.snapshotId, id) === undefined) {
        const values = this.userValues(item, 'group members');
        if (!values) continue;
        s.userIfAbsent.run(values);
      }
      s.member.run(this.snapshotId, groupId, id);
      written++;
    }
    return written;
  }

  private writeGroups(items: readonly unknown[]): number {
    let written = 0;
    for (const item of items) {
      const g = groupColumns(item, this.oddValues);
      if (!g) continue;
      this.statements.group.run(
        this.snapshotId,
        g.id,
        g.type,
        g.name,
        g.description,
        g.created,
        g.lastUpdated,
        g.lastMembershipUpdated,
        g.usersCount,
        g.appsCount,
        g.hasAdminPrivilege ? 1 : 0,
        rawJson(item as object),
      );
      written++;
    }
    return written;
  }

  private writeApps(items: readonly unknown[]): number {
    let written = 0;
    for (const item of items) {
      const a = appColumns(item, this.oddValues);
      if (!a) continue;
      this.statements.app.run(
        this.snapshotId,
        a.id,
        a.name,
        a.label,
        a.status,
        a.signOnMode,
        a.created,
        a.lastUpdated,
        rawJson(item as object),
      );
      written++;
    }
    return written;
  }

  private writeAppAssignments(page: Extract<PageRows, { kind: 'appUsers' | 'appGroups' }>): number {
    const { snapshotId: id, statements: s } = this;
    let written = 0;
    for (const item of page.items) {
      if (page.kind === 'appUsers') {
        const au = appUserColumns(item, page.appId, this.oddValues);
        if (au) s.appUser.run(id, page.appId, au.userId, au.scope, au.status, au.userName, rawJson(item as object));
        written += au ? 1 : 0;
      } else {
        const ag = appGroupColumns(item, this.oddValues);
        if (ag) s.appGroup.run(id, page.appId, ag.groupId, ag.priority, rawJson(item as object));
        written += ag ? 1 : 0;
      }
    }
    return written;
  }

  private writeRoles(page: Extract<PageRows, { kind: 'customRoles' | 'roleAssignments' }>): number {
    const { snapshotId: id, statements: s } = this;
    let written = 0;
    for (const item of page.items) {
      if (page.kind === 'customRoles') {
        const role = customRoleColumns(item, this.oddValues);
        if (role) s.customRole.run(id, role.roleId, role.label, role.description, rawJson(item as object));
        written += role ? 1 : 0;
        continue;
      }
      const ra = roleAssignmentColumns(item, { type: page.principalType, id: page.principalId }, this.oddValues);
      // A role a user holds through a group belongs to the group, which is pulled itself.
      if (!ra || !ra.heldByPrincipal) continue;
      s.roleFromAssignment.run(id, ra.roleKey, ra.label, ra.roleType, ra.isCustom ? 1 : 0);
      s.roleAssignment.run(
        id,
        page.principalType,
        page.principalId,
        ra.assignmentId,
        ra.roleKey,
        ra.status,
        rawJson(item as object),
      );
      written++;
    }
    return written;
  }

  private writeFactors(userId: string, items: readonly unknown[]): number {
    let written = 0;
    for (const item of items) {
      const f = factorColumns(item, userId, this.oddValues);
      if (!f) continue;
      this.statements.factor.run(
        this.snapshotId,
        userId,
        f.id,
        f.factorType,
        f.provider,
        f.status,
        rawJson(item as object),
      );
      written++;
    }
    return written;
  }
}
