// Effective access as pages of users (keyset on the user id, never OFFSET): every user, one user, the users reaching
// one app, or the members of one group. A page holds every path of its users, so a user never spans two pages.
import type { AccessPage, AccessPathRow, AccessSubject } from '../../../../shared/audit/auditTypes';
import type { Db } from '../../store/openDatabase';
import { AuditError } from '../auditSnapshot';
import { accessRowsOfUsers } from './accessQueries';

export const ACCESS_PAGE_USERS_DEFAULT = 200;
export const ACCESS_PAGE_USERS_MAX = 1000;

export interface AccessPageRequest {
  subject: AccessSubject;
  /** The `next` of the previous page. */
  after?: string | null;
  /** Users per page (not rows: one user may hold many paths). */
  limit?: number;
}

// Each subject's users in id order after a cursor; every query walks a primary key or index in order.
const USERS_OF: Record<AccessSubject['kind'], string> = {
  user: `SELECT id FROM users WHERE snapshot_id = ? AND id > ? ORDER BY id LIMIT ?`,
  // Okta lists every user who has the app, direct or through a group, among the app's users.
  app: `SELECT user_id FROM app_users WHERE snapshot_id = ? AND app_id = ? AND user_id > ? ORDER BY user_id LIMIT ?`,
  group: `SELECT user_id FROM group_members WHERE snapshot_id = ? AND group_id = ? AND user_id > ?
           ORDER BY user_id LIMIT ?`,
};

const SUBJECT_TABLE: Record<AccessSubject['kind'], string> = { user: 'users', app: 'apps', group: 'groups' };

export function accessPage(db: Db, snapshotId: number, request: AccessPageRequest): AccessPage {
  const { subject } = request;
  const limit = Math.min(Math.max(1, request.limit ?? ACCESS_PAGE_USERS_DEFAULT), ACCESS_PAGE_USERS_MAX);
  if (subject.id !== undefined) requireObject(db, snapshotId, subject.kind, subject.id);
  if (subject.kind === 'user' && subject.id !== undefined) {
    return { rows: accessRowsOfUsers(db, snapshotId, [subject.id]), next: null };
  }
  const after = request.after ?? '';
  const params = subject.kind === 'user' ? [snapshotId, after, limit] : [snapshotId, subject.id, after, limit];
  const userIds = db
    .prepare(USERS_OF[subject.kind])
    .pluck()
    .all(...params) as string[];
  const rows = accessRowsOfUsers(db, snapshotId, userIds);
  return {
    rows: subject.kind === 'user' ? rows : rows.filter((row) => concerns(row, subject)),
    next: userIds.length === limit ? userIds[userIds.length - 1]! : null,
  };
}

/** For an app: the paths to that app; for a group: the membership and what the group grants its members. */
function concerns(row: AccessPathRow, subject: AccessSubject): boolean {
  if (subject.kind === 'app') return row.kind === 'app' && row.objectId === subject.id;
  if (subject.kind === 'group')
    return row.kind === 'group' ? row.objectId === subject.id : row.viaGroupId === subject.id;
  return true;
}

function requireObject(db: Db, snapshotId: number, kind: AccessSubject['kind'], id: string): void {
  const found = db.prepare(`SELECT 1 FROM ${SUBJECT_TABLE[kind]} WHERE snapshot_id = ? AND id = ?`).get(snapshotId, id);
  if (!found) throw new AuditError(`${kind} ${id} is not in snapshot ${snapshotId}`, 'not-found');
}

/** Every row of the subject, page after page (for exports); ends when a page says there is no next. */
export function* allAccessRows(db: Db, snapshotId: number, subject: AccessSubject): Generator<AccessPathRow> {
  let after: string | null = null;
  do {
    const page = accessPage(db, snapshotId, { subject, after, limit: ACCESS_PAGE_USERS_MAX });
    yield* page.rows;
    after = page.next;
  } while (after !== null);
}
