// Rule direct-bypasses-group: a user assigned an app directly while the same app is also assigned to groups (the
// direct assignment bypasses the group that should grant it). One finding per user and app.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import { decodeKey, encodeKey, nextCursor, type FindingRule } from '../findingRule';

// Direct (USER scope) assignments of apps that groups are assigned too, in (app, user) order after a cursor; with the
// number of groups the app is assigned to and the ones of them the user is in.
const DIRECT_WITH_GROUPS = `SELECT au.app_id AS appId, a.label AS appLabel, au.user_id AS userId, u.login AS userLogin,
          (SELECT count(*) FROM app_groups ag WHERE ag.snapshot_id = au.snapshot_id AND ag.app_id = au.app_id)
            AS groupCount,
          (SELECT json_group_array(json_array(g.id, g.name)) FROM group_members m
             JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
             JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
            WHERE m.snapshot_id = au.snapshot_id AND m.user_id = au.user_id AND ag.app_id = au.app_id)
            AS alsoVia
     FROM app_users au
     JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
     JOIN users u ON u.snapshot_id = au.snapshot_id AND u.id = au.user_id
    WHERE au.snapshot_id = ? AND au.scope = 'USER' AND (au.app_id, au.user_id) > (?, ?)
      AND EXISTS (SELECT 1 FROM app_groups ag WHERE ag.snapshot_id = au.snapshot_id AND ag.app_id = au.app_id)
    ORDER BY au.app_id, au.user_id LIMIT ?`;

export const directBypassesGroup: FindingRule = {
  id: 'direct-bypasses-group',
  severity: 'low',
  title: 'Direct app assignments that bypass groups',
  explanation: 'A user is assigned an app directly although the app is also assigned to groups.',
  thresholds: [],
  page({ db, snapshot }, after, limit) {
    const [afterApp, afterUser] = decodeKey(after, 2);
    const rows = db.prepare(DIRECT_WITH_GROUPS).all(snapshot.id, afterApp, afterUser, limit) as {
      appId: string;
      appLabel: string;
      userId: string;
      userLogin: string;
      groupCount: number;
      alsoVia: string;
    }[];
    const findings = rows.map((row): Finding => {
      const alsoVia = (JSON.parse(row.alsoVia) as [string, string][]).map(([id, name]) => ({
        type: 'group' as const,
        id,
        name,
      }));
      const reach = alsoVia.length > 0 ? `; the user also reaches it through ${alsoVia.length} of them` : '';
      return {
        ruleId: directBypassesGroup.id,
        severity: directBypassesGroup.severity,
        subject: { type: 'user', id: row.userId, name: row.userLogin },
        message: `assigned ${row.appLabel} directly, which is also assigned to ${row.groupCount} group(s)${reach}`,
        related: [{ type: 'app', id: row.appId, name: row.appLabel }, ...alsoVia],
      };
    });
    return { findings, next: nextCursor(rows, limit, (row) => encodeKey([row.appId, row.userId])) };
  },
};
