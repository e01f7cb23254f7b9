// The role detail panel: who holds an admin role, directly (users) or through a group (the groups holding it and
// their members, each with the group that gives them the role).
import type { RoleDetail } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { ServiceFailure } from '../serviceFailure';

const PREVIEW_LIMIT = 500;

/** The groups holding the role, as a CTE the queries below share. */
const HOLDING_GROUPS =
  `WITH holding AS (SELECT DISTINCT principal_id AS group_id FROM role_assignments WHERE snapshot_id = @snapshotId ` +
  `AND role_key = @roleKey AND principal_type = 'group')`;

export function roleDetail(db: Db, snapshotId: number, roleKey: string): RoleDetail {
  const values = { snapshotId, roleKey, limit: PREVIEW_LIMIT };
  const role = db
    .prepare(
      `SELECT role_key AS roleKey, label, role_type AS roleType, is_custom AS custom, description FROM roles ` +
        `WHERE snapshot_id = @snapshotId AND role_key = @roleKey`,
    )
    .get(values) as RoleDetail['role'] | undefined;
  if (!role) throw new ServiceFailure('NOT_FOUND', `role ${roleKey} is not in snapshot ${snapshotId}`);
  const directFrom =
    `FROM (SELECT DISTINCT principal_id FROM role_assignments WHERE snapshot_id = @snapshotId AND role_key = ` +
    `@roleKey AND principal_type = 'user') ra JOIN users u ON u.snapshot_id = @snapshotId AND u.id = ra.principal_id`;
  const directUsers = db
    .prepare(`SELECT u.id, u.name, u.status ${directFrom} ORDER BY u.name, u.id LIMIT @limit`)
    .all(values) as RoleDetail['directUsers'];
  const directUserCount = db.prepare(`SELECT count(*) ${directFrom}`).pluck().get(values) as number;
  const groups = db
    .prepare(
      `${HOLDING_GROUPS} SELECT g.id, g.name, (SELECT count(*) FROM group_members m WHERE m.snapshot_id = ` +
        `@snapshotId AND m.group_id = g.id) AS memberCount FROM holding h JOIN groups g ON g.snapshot_id = ` +
        `@snapshotId AND g.id = h.group_id ORDER BY g.name`,
    )
    .all(values) as RoleDetail['groups'];
  const viaFrom =
    `FROM holding h JOIN group_members m ON m.snapshot_id = @snapshotId AND m.group_id = h.group_id ` +
    `JOIN users u ON u.snapshot_id = @snapshotId AND u.id = m.user_id JOIN groups g ON g.snapshot_id = ` +
    `@snapshotId AND g.id = h.group_id`;
  const viaGroup = db
    .prepare(
      `${HOLDING_GROUPS} SELECT u.id, u.name, u.status, g.id AS groupId, g.name AS groupName ${viaFrom} ` +
        `ORDER BY u.name, u.id, g.name LIMIT @limit`,
    )
    .all(values) as RoleDetail['viaGroup'];
  const viaGroupCount = db.prepare(`${HOLDING_GROUPS} SELECT count(*) ${viaFrom}`).pluck().get(values) as number;
  return { role, directUserCount, directUsers, groups, viaGroupCount, viaGroup };
}
