// Rule imported-group-only: a user reaches an app only through APP_GROUP groups (imported from a directory or app),
// so the access is governed outside Okta. One finding per user and app.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import type { Db } from '../../../store/openDatabase';
import { decodeKey, encodeKey, nextCursor, type FindingRule } from '../findingRule';

// No GROUP BY or DISTINCT: rows come in the by-user index's order (apps sorted within each user only), so a page
// stops after `limit` rows instead of grouping every remaining membership first. A pair reached through two imported
// groups comes twice; the page keeps it once.
const PAIRS = `
  SELECT m.user_id AS userId, ag.app_id AS appId
    FROM group_members m
    JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id AND g.type = 'APP_GROUP'
    JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
   WHERE m.snapshot_id = @snapshotId AND (m.user_id, ag.app_id) > (@afterUser, @afterApp)
     AND NOT EXISTS (SELECT 1 FROM app_users au WHERE au.snapshot_id = m.snapshot_id AND au.app_id = ag.app_id
                       AND au.user_id = m.user_id AND au.scope = 'USER')
     AND NOT EXISTS (SELECT 1 FROM group_members m2
                       JOIN groups g2 ON g2.snapshot_id = m2.snapshot_id AND g2.id = m2.group_id
                        AND g2.type <> 'APP_GROUP'
                       JOIN app_groups ag2 ON ag2.snapshot_id = m2.snapshot_id AND ag2.group_id = m2.group_id
                        AND ag2.app_id = ag.app_id
                      WHERE m2.snapshot_id = m.snapshot_id AND m2.user_id = m.user_id)
   ORDER BY m.user_id, ag.app_id LIMIT @limit`;

// The names, and the imported groups through which each user reaches each app.
const DETAILS = `
  SELECT u.id AS userId, u.login AS userLogin, a.id AS appId, a.label AS appLabel, g.id AS groupId, g.name AS groupName
    FROM json_each(@pairs) p
    JOIN users u ON u.snapshot_id = @snapshotId AND u.id = json_extract(p.value, '$[0]')
    JOIN apps a ON a.snapshot_id = @snapshotId AND a.id = json_extract(p.value, '$[1]')
    JOIN app_groups ag ON ag.snapshot_id = @snapshotId AND ag.app_id = a.id
    JOIN group_members m ON m.snapshot_id = @snapshotId AND m.group_id = ag.group_id AND m.user_id = u.id
    JOIN groups g ON g.snapshot_id = @snapshotId AND g.id = m.group_id AND g.type = 'APP_GROUP'
   ORDER BY p.key, g.name, g.id`;

interface Pair {
  userId: string;
  appId: string;
}

function findingsOf(db: Db, snapshotId: number, pairs: Pair[]): Finding[] {
  const byPair = new Map<string, Finding>();
  const rows = db
    .prepare(DETAILS)
    .all({ snapshotId, pairs: JSON.stringify(pairs.map((pair) => [pair.userId, pair.appId])) }) as {
    userId: string;
    userLogin: string;
    appId: string;
    appLabel: string;
    groupId: string;
    groupName: string;
  }[];
  for (const row of rows) {
    const key = encodeKey([row.userId, row.appId]);
    const finding = byPair.get(key) ?? {
      ruleId: importedGroupOnly.id,
      severity: importedGroupOnly.severity,
      subject: { type: 'user' as const, id: row.userId, name: row.userLogin },
      message: `reaches ${row.appLabel} only through imported group(s)`,
      related: [{ type: 'app' as const, id: row.appId, name: row.appLabel }],
    };
    finding.related.push({ type: 'group', id: row.groupId, name: row.groupName });
    byPair.set(key, finding);
  }
  for (const finding of byPair.values()) {
    finding.message += ` ${finding.related
      .slice(1)
      .map((group) => group.name)
      .join(', ')}`;
  }
  return [...byPair.values()];
}

export const importedGroupOnly: FindingRule = {
  id: 'imported-group-only',
  severity: 'medium',
  title: 'Access granted only through imported (APP_GROUP) groups',
  explanation: 'A user reaches an app only through groups imported from a directory or app (type APP_GROUP).',
  thresholds: [],
  page({ db, snapshot }, after, limit) {
    const [afterUser, afterApp] = decodeKey(after, 2);
    const rows = db.prepare(PAIRS).all({ snapshotId: snapshot.id, afterUser, afterApp, limit }) as Pair[];
    const pairs = rows.filter(
      (row, index) => index === 0 || row.userId !== rows[index - 1]!.userId || row.appId !== rows[index - 1]!.appId,
    );
    return {
      findings: findingsOf(db, snapshot.id, pairs),
      next: nextCursor(rows, limit, (row) => encodeKey([row.userId, row.appId])),
    };
  },
};
