// The "who has what and why" detail panels: a user's apps with the reason (direct or which group), groups, roles
// and factors; a group's members, apps and roles; an app's groups and users.
import type { AccessPathRow } from '../../../../shared/audit/auditTypes';
import type { AppDetail, GroupDetail, UserAccessDetail } from '../../../../shared/service/types';
import { accessRowsOfUsers } from '../../audit/access/accessQueries';
import type { Db } from '../../store/openDatabase';
import { ServiceFailure } from '../serviceFailure';

const MEMBER_PREVIEW_LIMIT = 500;

export function userAccess(db: Db, snapshotId: number, userId: string): UserAccessDetail {
  const user = db
    .prepare(
      `SELECT id, name, login, email, status, first_name AS firstName, last_name AS lastName, created, ` +
        `last_updated AS lastUpdated, last_login AS lastLogin FROM users WHERE snapshot_id = ? AND id = ?`,
    )
    .get(snapshotId, userId) as UserAccessDetail['user'] | undefined;
  if (!user) throw new ServiceFailure('NOT_FOUND', `user ${userId} is not in snapshot ${snapshotId}`);
  // The paths come from the audit's effective-access queries, so the detail panel and `okta-prep access` agree.
  const paths = accessRowsOfUsers(db, snapshotId, [userId], ['app', 'role', 'group']);
  const via = (row: AccessPathRow) =>
    row.path === 'direct'
      ? { kind: 'direct' as const }
      : { kind: 'group' as const, groupId: row.viaGroupId!, groupName: row.viaGroupName! };
  const groups: UserAccessDetail['groups'] = paths
    .filter((row) => row.kind === 'group')
    .map((row) => ({ id: row.objectId, name: row.objectName, type: row.detail ?? '' }));
  // Okta's group scope that no pulled membership explains has no group to name here; okta-prep access lists it.
  const apps: UserAccessDetail['apps'] = paths
    .filter((row) => row.kind === 'app' && row.path !== 'group-unresolved')
    .map((row) => ({ appId: row.objectId, appLabel: row.objectName, appStatus: row.detail ?? '', via: via(row) }))
    .sort((a, b) => a.appLabel.localeCompare(b.appLabel) || (a.via.kind === 'direct' ? -1 : 1));
  // One entry per role and path, as before: a role held twice the same way (two resource sets) is listed once.
  const roleEntries = paths
    .filter((row) => row.kind === 'role')
    .map((row) => ({ roleKey: row.objectId, label: row.objectName, via: via(row) }));
  const roles = [...new Map(roleEntries.map((role) => [JSON.stringify(role), role])).values()];
  const factors = db
    .prepare(
      `SELECT id, factor_type AS factorType, provider, status FROM factors WHERE snapshot_id = ? AND user_id ` +
        `= ? ORDER BY factor_type`,
    )
    .all(snapshotId, userId) as UserAccessDetail['factors'];
  const factorsPulled =
    (db.prepare(`SELECT include_factors FROM snapshots WHERE id = ?`).pluck().get(snapshotId) as number) === 1;
  return { user, groups, apps, roles, factors, factorsPulled };
}

export function groupDetail(db: Db, snapshotId: number, groupId: string): GroupDetail {
  const group = db
    .prepare(
      `SELECT id, name, type, description, created, last_membership_updated AS lastMembershipUpdated, ` +
        `users_count AS usersCount, apps_count AS appsCount FROM groups WHERE snapshot_id = ? AND id = ?`,
    )
    .get(snapshotId, groupId) as GroupDetail['group'] | undefined;
  if (!group) throw new ServiceFailure('NOT_FOUND', `group ${groupId} is not in snapshot ${snapshotId}`);
  const memberCount = db
    .prepare(`SELECT count(*) FROM group_members WHERE snapshot_id = ? AND group_id = ?`)
    .pluck()
    .get(snapshotId, groupId) as number;
  const members = db
    .prepare(
      `SELECT u.id, u.name, u.status FROM group_members m JOIN users u ON u.snapshot_id = m.snapshot_id AND ` +
        `u.id = m.user_id WHERE m.snapshot_id = ? AND m.group_id = ? ORDER BY u.name LIMIT ?`,
    )
    .all(snapshotId, groupId, MEMBER_PREVIEW_LIMIT) as GroupDetail['members'];
  const apps = db
    .prepare(
      `SELECT a.id, a.label, ag.priority FROM app_groups ag JOIN apps a ON a.snapshot_id = ag.snapshot_id AND ` +
        `a.id = ag.app_id WHERE ag.snapshot_id = ? AND ag.group_id = ? ORDER BY a.label`,
    )
    .all(snapshotId, groupId) as GroupDetail['apps'];
  const roles = db
    .prepare(
      `SELECT DISTINCT r.role_key AS roleKey, r.label FROM role_assignments ra JOIN roles r ON r.snapshot_id ` +
        `= ra.snapshot_id AND r.role_key = ra.role_key WHERE ra.snapshot_id = ? AND ra.principal_type = 'group' ` +
        `AND ra.principal_id = ?`,
    )
    .all(snapshotId, groupId) as GroupDetail['roles'];
  return { group, memberCount, members, apps, roles };
}

export function appDetail(db: Db, snapshotId: number, appId: string): AppDetail {
  const app = db
    .prepare(
      `SELECT id, label, name, status, sign_on_mode AS signOnMode, created FROM apps WHERE snapshot_id = ? AND id = ?`,
    )
    .get(snapshotId, appId) as AppDetail['app'] | undefined;
  if (!app) throw new ServiceFailure('NOT_FOUND', `app ${appId} is not in snapshot ${snapshotId}`);
  const groups = db
    .prepare(
      `SELECT g.id, g.name, ag.priority FROM app_groups ag JOIN groups g ON g.snapshot_id = ag.snapshot_id ` +
        `AND g.id = ag.group_id WHERE ag.snapshot_id = ? AND ag.app_id = ? ORDER BY ag.priority, g.name`,
    )
    .all(snapshotId, appId) as AppDetail['groups'];
  const counts = db
    .prepare(
      `SELECT coalesce(sum(scope = 'USER'), 0) AS direct, coalesce(sum(scope = 'GROUP'), 0) AS viaGroup FROM ` +
        `app_users WHERE snapshot_id = ? AND app_id = ?`,
    )
    .get(snapshotId, appId) as { direct: number; viaGroup: number };
  const users = db
    .prepare(
      `SELECT u.id, u.name, au.scope, au.user_name AS userName FROM app_users au JOIN users u
         ON u.snapshot_id = au.snapshot_id AND u.id = au.user_id
       WHERE au.snapshot_id = ? AND au.app_id = ? ORDER BY au.scope DESC, u.name LIMIT ?`,
    )
    .all(snapshotId, appId, MEMBER_PREVIEW_LIMIT) as AppDetail['users'];
  return { app, groups, directUserCount: counts.direct, groupUserCount: counts.viaGroup, users };
}
