// The prepared statements SnapshotWriter writes a snapshot with: the identities (users, groups, members), their
// access (apps, assignments, roles, factors), and the pull's own bookkeeping (listings and their cursors).
import type { Statement } from 'better-sqlite3';
import type { Db } from './openDatabase';

type Statements<Name extends string> = Record<Name, Statement>;
type IdentityStatement = 'user' | 'userExists' | 'userIfAbsent' | 'group' | 'member';
type AccessStatement =
  'app' | 'appUser' | 'appGroup' | 'customRole' | 'roleFromAssignment' | 'roleAssignment' | 'factor';
type PullTaskStatement = 'scheduleTask' | 'task' | 'followedPage';
export type WriterStatements = Statements<IdentityStatement | AccessStatement | PullTaskStatement>;

export function prepareWriterStatements(db: Db): WriterStatements {
  return { ...identityStatements(db), ...accessStatements(db), ...pullTaskStatements(db) };
}

function identityStatements(db: Db): Statements<IdentityStatement> {
  return {
    user: db.prepare(
      `INSERT OR REPLACE INTO users (snapshot_id, id, status, login, email, name, first_name, last_name, created,
         last_updated, last_login, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    userExists: db.prepare(`SELECT 1 FROM users WHERE snapshot_id = ? AND id = ?`).pluck(),
    userIfAbsent: db.prepare(
      `INSERT OR IGNORE INTO users (snapshot_id, id, status, login, email, name, first_name, last_name, created,
         last_updated, last_login, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    group: db.prepare(
      `INSERT OR REPLACE INTO groups (snapshot_id, id, type, name, description, created, last_updated,
         last_membership_updated,
         users_count, apps_count, has_admin_privilege, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    member: db.prepare(`INSERT OR IGNORE INTO group_members (snapshot_id, group_id, user_id) VALUES (?, ?, ?)`),
  };
}

function accessStatements(db: Db): Statements<AccessStatement> {
  return {
    app: db.prepare(
      `INSERT OR REPLACE INTO apps (snapshot_id, id, name, label, status, sign_on_mode, created, last_updated, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    appUser: db.prepare(
      `INSERT OR REPLACE INTO app_users (snapshot_id, app_id, user_id, scope, status, user_name, raw) ` +
        `VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    appGroup: db.prepare(
      `INSERT OR REPLACE INTO app_groups (snapshot_id, app_id, group_id, priority, raw) VALUES (?, ?, ?, ?, ?)`,
    ),
    customRole: db.prepare(
      `INSERT OR REPLACE INTO roles (snapshot_id, role_key, label, role_type, is_custom, description, raw) ` +
        `VALUES (?, ?, ?, 'CUSTOM', 1, ?, ?)`,
    ),
    // A standard role has no definition endpoint: the first assignment seen names it. Never overwrite a custom role's
    // definition.
    roleFromAssignment: db.prepare(
      `INSERT OR IGNORE INTO roles (snapshot_id, role_key, label, role_type, is_custom, description, raw) ` +
        `VALUES (?, ?, ?, ?, ?, NULL, NULL)`,
    ),
    roleAssignment: db.prepare(
      `INSERT OR REPLACE INTO role_assignments (snapshot_id, principal_type, principal_id, assignment_id,
         role_key, status, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    factor: db.prepare(
      `INSERT OR REPLACE INTO factors (snapshot_id, user_id, id, factor_type, provider, status, raw) VALUES ` +
        `(?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

function pullTaskStatements(db: Db): Statements<PullTaskStatement> {
  return {
    scheduleTask: db.prepare(
      `INSERT OR IGNORE INTO pull_tasks (snapshot_id, task_key, next_url, done, rows, requests) VALUES (?, ` +
        `?, ?, 0, 0, 0)`,
    ),
    task: db.prepare(
      `INSERT INTO pull_tasks (snapshot_id, task_key, next_url, done, rows, requests) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (snapshot_id, task_key) DO UPDATE SET next_url = excluded.next_url, done = excluded.done,
         rows = rows + excluded.rows, requests = requests + 1`,
    ),
    followedPage: db.prepare(
      `INSERT OR IGNORE INTO pull_listing_pages (snapshot_id, task_key, link, items_key) VALUES (?, ?, ?, ?)`,
    ),
  };
}
