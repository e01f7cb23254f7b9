// Rule imported-group-only: a user reaches an app only through APP_GROUP groups (imported from a directory or app),
// so the access is governed outside Okta. One finding per user and app.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import { decodeKey, encodeKey, nextCursor, type FindingRule } from '../findingRule';
import { refsFromJson } from './objectRule';

export const importedGroupOnly: FindingRule = {
  id: 'imported-group-only',
  severity: 'medium',
  title: 'Access granted only through imported (APP_GROUP) groups',
  explanation: 'A user reaches an app only through groups imported from a directory or app (type APP_GROUP).',
  thresholds: [],
  page({ db, snapshot }, after, limit) {
    const [afterUser, afterApp] = decodeKey(after, 2);
    const rows = db
      .prepare(
        `SELECT m.user_id AS userId, u.login AS userLogin, ag.app_id AS appId, a.label AS appLabel,
                json_group_array(json_array(g.id, g.name)) AS groups
           FROM group_members m
           JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id AND g.type = 'APP_GROUP'
           JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
           JOIN apps a ON a.snapshot_id = ag.snapshot_id AND a.id = ag.app_id
           JOIN users u ON u.snapshot_id = m.snapshot_id AND u.id = m.user_id
          WHERE m.snapshot_id = @snapshotId AND (m.user_id, ag.app_id) > (@afterUser, @afterApp)
            AND NOT EXISTS (SELECT 1 FROM app_users au WHERE au.snapshot_id = m.snapshot_id AND au.app_id = ag.app_id
                              AND au.user_id = m.user_id AND au.scope = 'USER')
            AND NOT EXISTS (SELECT 1 FROM group_members m2
                              JOIN groups g2 ON g2.snapshot_id = m2.snapshot_id AND g2.id = m2.group_id
                               AND g2.type <> 'APP_GROUP'
                              JOIN app_groups ag2 ON ag2.snapshot_id = m2.snapshot_id AND ag2.group_id = m2.group_id
                               AND ag2.app_id = ag.app_id
                             WHERE m2.snapshot_id = m.snapshot_id AND m2.user_id = m.user_id)
          GROUP BY m.user_id, ag.app_id ORDER BY m.user_id, ag.app_id LIMIT @limit`,
      )
      .all({ snapshotId: snapshot.id, afterUser, afterApp, limit }) as {
      userId: string;
      userLogin: string;
      appId: string;
      appLabel: string;
      groups: string;
    }[];
    const findings = rows.map((row): Finding => {
      const groups = refsFromJson('group', row.groups);
      return {
        ruleId: importedGroupOnly.id,
        severity: importedGroupOnly.severity,
        subject: { type: 'user', id: row.userId, name: row.userLogin },
        message: `reaches ${row.appLabel} only through imported group(s) ${groups.map((g) => g.name).join(', ')}`,
        related: [{ type: 'app', id: row.appId, name: row.appLabel }, ...groups],
      };
    });
    return { findings, next: nextCursor(rows, limit, (row) => encodeKey([row.userId, row.appId])) };
  },
};
