// A SHA-256 over every row a snapshot holds (all object tables, in key order, without the snapshot id), so two
// pulls of the same org state can be compared: a resumed or fault-ridden pull must hash like a clean one.
import { createHash } from 'node:crypto';
import type { Db } from './openDatabase';

const CONTENT_QUERIES: Record<string, string> = {
  users:
    `SELECT id, status, login, email, name, first_name, last_name, created, last_updated, last_login, raw FROM ` +
    `users WHERE snapshot_id = ? ORDER BY id`,
  groups:
    `SELECT id, type, name, description, created, last_updated, last_membership_updated, users_count, ` +
    `apps_count, has_admin_privilege, raw FROM groups WHERE snapshot_id = ? ORDER BY id`,
  group_members: `SELECT group_id, user_id FROM group_members WHERE snapshot_id = ? ORDER BY group_id, user_id`,
  apps:
    `SELECT id, name, label, status, sign_on_mode, created, last_updated, raw FROM apps WHERE snapshot_id = ? ` +
    `ORDER BY id`,
  app_users:
    `SELECT app_id, user_id, scope, status, user_name, raw FROM app_users WHERE snapshot_id = ? ORDER BY ` +
    `app_id, user_id`,
  app_groups: `SELECT app_id, group_id, priority, raw FROM app_groups WHERE snapshot_id = ? ORDER BY app_id, group_id`,
  roles:
    `SELECT role_key, label, role_type, is_custom, description, raw FROM roles WHERE snapshot_id = ? ORDER BY ` +
    `role_key`,
  role_assignments:
    `SELECT principal_type, principal_id, assignment_id, role_key, status, raw FROM role_assignments WHERE ` +
    `snapshot_id = ? ORDER BY principal_type, principal_id, assignment_id`,
  factors:
    `SELECT user_id, id, factor_type, provider, status, raw FROM factors WHERE snapshot_id = ? ORDER BY ` +
    `user_id, id`,
};

export function snapshotContentHash(db: Db, snapshotId: number): string {
  const hash = createHash('sha256');
  for (const [table, sql] of Object.entries(CONTENT_QUERIES)) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(sql).raw().iterate(snapshotId) as IterableIterator<unknown[]>)
      hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}
