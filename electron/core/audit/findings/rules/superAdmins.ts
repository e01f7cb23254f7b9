// Rule super-admins: every user holding the Super Administrator role (directly or through a group), with the count.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import { adminsCte } from '../accessConditions';
import { nextCursor, type FindingRule } from '../findingRule';
import { refsFromJson } from './objectRule';

const SUPER_ADMIN = 'SUPER_ADMIN';

export const superAdmins: FindingRule = {
  id: 'super-admins',
  severity: 'info',
  title: 'Super admins',
  explanation: 'Lists every super admin with their count: keep this role to the few people who need it.',
  thresholds: [],
  page({ db, snapshot }, after, limit) {
    const params = { snapshotId: snapshot.id, roleKey: SUPER_ADMIN };
    const total = db
      .prepare(`${adminsCte(true)} SELECT count(*) FROM admins`)
      .pluck()
      .get(params) as number;
    const users = db
      .prepare(
        `${adminsCte(true)}
         SELECT u.id, u.login,
                EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.snapshot_id = @snapshotId
                          AND ra.principal_type = 'user' AND ra.principal_id = u.id AND ra.role_key = @roleKey)
                  AS direct,
                (SELECT json_group_array(json_array(g.id, g.name)) FROM group_members m
                   JOIN role_assignments ra ON ra.snapshot_id = m.snapshot_id AND ra.principal_type = 'group'
                    AND ra.principal_id = m.group_id AND ra.role_key = @roleKey
                   JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
                  WHERE m.snapshot_id = @snapshotId AND m.user_id = u.id) AS viaGroups
           FROM admins a JOIN users u ON u.snapshot_id = @snapshotId AND u.id = a.id
          WHERE a.id > @after ORDER BY a.id LIMIT @limit`,
      )
      .all({ ...params, after: after ?? '', limit }) as {
      id: string;
      login: string;
      direct: number;
      viaGroups: string;
    }[];
    const findings = users.map((user): Finding => {
      const groups = refsFromJson('group', user.viaGroups);
      const how = [...(user.direct ? ['directly'] : []), ...groups.map((group) => `through ${group.name}`)];
      return {
        ruleId: superAdmins.id,
        severity: superAdmins.severity,
        subject: { type: 'user', id: user.id, name: user.login },
        message: `one of ${total} super admin(s), ${how.join(' and ')}`,
        related: [{ type: 'role', id: SUPER_ADMIN, name: 'Super Administrator' }, ...groups],
      };
    });
    return { findings, next: nextCursor(users, limit, (user) => user.id) };
  },
};
