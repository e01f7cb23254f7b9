// Rule inactive-user-access: deprovisioned or suspended users who still hold app assignments or admin roles.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import { HOLDS_ROLE, REACHES_APP } from '../accessConditions';
import { countOf, decodeKey, encodeKey, heldByUsers, nextCursor, type FindingRule } from '../findingRule';

export const inactiveUserAccess: FindingRule = {
  id: 'inactive-user-access',
  severity: 'high',
  title: 'Deprovisioned or suspended users who still hold access',
  explanation: 'A deprovisioned or suspended user still has app assignments or admin roles: remove them.',
  thresholds: [],
  page({ db, snapshot }, after, limit) {
    // Keyset on (status, id): the users_by_status_id index walks only these users, not every user of the org.
    const [afterStatus, afterId] = decodeKey(after, 2);
    const users = db
      .prepare(
        `SELECT u.id, u.login, u.status FROM users u
          WHERE u.snapshot_id = ? AND u.status IN ('DEPROVISIONED', 'SUSPENDED') AND (u.status, u.id) > (?, ?)
            AND (${REACHES_APP} OR ${HOLDS_ROLE})
          ORDER BY u.status, u.id LIMIT ?`,
      )
      .all(snapshot.id, afterStatus, afterId, limit) as {
      id: string;
      login: string;
      status: string;
    }[];
    const held = heldByUsers(
      db,
      snapshot.id,
      users.map((user) => user.id),
      ['app', 'role'],
    );
    const findings = users.map((user): Finding => {
      const related = held.get(user.id) ?? [];
      return {
        ruleId: inactiveUserAccess.id,
        severity: inactiveUserAccess.severity,
        subject: { type: 'user', id: user.id, name: user.login },
        message:
          `${user.status} user still holds ${countOf(related, 'app', 'app')} ` +
          `and ${countOf(related, 'role', 'admin role')}`,
        related,
      };
    });
    return { findings, next: nextCursor(users, limit, (user) => encodeKey([user.status, user.id])) };
  },
};
