// Rule admin-no-strong-factor: users holding any admin role (directly or through a group) without an ACTIVE strong
// factor. Only answerable when the pull read factors.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import { adminsCte } from '../accessConditions';
import { heldByUsers, nextCursor, type FindingRule } from '../findingRule';

export const adminWithoutStrongFactor: FindingRule = {
  id: 'admin-no-strong-factor',
  severity: 'high',
  title: 'Admins without an active strong factor',
  explanation: 'An admin (any role) has no ACTIVE strong factor (SMS, voice, email and questions do not count).',
  thresholds: ['strongFactorTypes'],
  notApplicable: ({ snapshot }) =>
    snapshot.includeFactors ? undefined : 'factors were not pulled (pull with --include-factors to check this)',
  page({ db, snapshot, thresholds }, after, limit) {
    // Deprovisioned admins lose their factors in Okta; inactive-user-access reports them instead.
    const users = db
      .prepare(
        `${adminsCte(false)}
         SELECT u.id, u.login FROM admins a JOIN users u ON u.snapshot_id = @snapshotId AND u.id = a.id
          WHERE a.id > @after AND u.status <> 'DEPROVISIONED'
            AND NOT EXISTS (SELECT 1 FROM factors f WHERE f.snapshot_id = @snapshotId AND f.user_id = a.id
                              AND f.status = 'ACTIVE' AND f.factor_type IN (SELECT value FROM json_each(@strong)))
          ORDER BY a.id LIMIT @limit`,
      )
      .all({
        snapshotId: snapshot.id,
        after: after ?? '',
        strong: JSON.stringify(thresholds.strongFactorTypes),
        limit,
      }) as { id: string; login: string }[];
    const held = heldByUsers(
      db,
      snapshot.id,
      users.map((user) => user.id),
      ['role', 'factor'],
    );
    const findings = users.map((user): Finding => {
      const related = held.get(user.id) ?? [];
      const roles = related.filter((object) => object.type === 'role').map((role) => role.name);
      const factors = related.filter((object) => object.type === 'factor').map((factor) => factor.name);
      return {
        ruleId: adminWithoutStrongFactor.id,
        severity: adminWithoutStrongFactor.severity,
        subject: { type: 'user', id: user.id, name: user.login },
        message:
          `admin (${roles.join(', ')}) has no ACTIVE strong factor` +
          (factors.length > 0 ? ` (enrolled: ${factors.join(', ')})` : ' (no factor enrolled)'),
        related,
      };
    });
    return { findings, next: nextCursor(users, limit, (user) => user.id) };
  },
};
