// Rule dormant-user-access: ACTIVE users with no login for N days (default 90) before the snapshot who still reach
// apps. A user who never logged in counts once their account is older than N days.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import { REACHES_APP } from '../accessConditions';
import { countOf, heldByUsers, nextCursor, type FindingRule } from '../findingRule';

const DAY_MS = 24 * 60 * 60 * 1000;

export const dormantUserAccess: FindingRule = {
  id: 'dormant-user-access',
  severity: 'medium',
  title: 'Active users who have not signed in for a long time but still reach apps',
  explanation:
    'An ACTIVE user has not signed in for the last N days (default 90) before the snapshot yet reaches apps.',
  thresholds: ['dormantDays'],
  page({ db, snapshot, thresholds }, after, limit) {
    // Measured from the snapshot, not from today: the same snapshot always gives the same findings.
    const cutoff = new Date(Date.parse(snapshot.startedAt) - thresholds.dormantDays * DAY_MS).toISOString();
    const users = db
      .prepare(
        `SELECT u.id, u.login, u.last_login AS lastLogin, u.created FROM users u
          WHERE u.snapshot_id = @snapshotId AND u.status = 'ACTIVE' AND u.id > @after
            AND (u.last_login < @cutoff OR (u.last_login IS NULL AND (u.created IS NULL OR u.created < @cutoff)))
            AND ${REACHES_APP}
          ORDER BY u.id LIMIT @limit`,
      )
      .all({ snapshotId: snapshot.id, after: after ?? '', limit, cutoff }) as {
      id: string;
      login: string;
      lastLogin: string | null;
      created: string | null;
    }[];
    const held = heldByUsers(
      db,
      snapshot.id,
      users.map((user) => user.id),
      ['app'],
    );
    const findings = users.map((user): Finding => {
      const related = held.get(user.id) ?? [];
      const since = user.lastLogin
        ? `last signed in ${user.lastLogin}`
        : `never signed in (created ${user.created ?? 'unknown'})`;
      return {
        ruleId: dormantUserAccess.id,
        severity: dormantUserAccess.severity,
        subject: { type: 'user', id: user.id, name: user.login },
        message:
          `${since}, over ${thresholds.dormantDays} days before the snapshot, ` +
          `and reaches ${countOf(related, 'app', 'app')}`,
        related,
      };
    });
    return { findings, next: nextCursor(users, limit, (user) => user.id) };
  },
};
