// The SQL of rule imported-group-only, one pair of queries per kind of access: the (user, object) pairs held only
// through APP_GROUP groups, in keyset order, and then their names with the imported groups behind each pair.

export interface ImportedAccessKind {
  /** The related object's type in a finding, and the first part of the rule's cursor. */
  type: 'app' | 'role';
  /** Pairs (userId, objectId) after (@afterUser, @afterObject), at most @limit rows. */
  pairsSql: string;
  /** For @pairs (a JSON list of [userId, objectId]): userId, userLogin, objectId, objectName, groupId, groupName. */
  detailsSql: string;
  /** The finding's message before the group names. */
  verb: (objectName: string) => string;
}

// No GROUP BY or DISTINCT: rows come in the by-user index's order (apps sorted within each user only), so a page
// stops after `limit` rows instead of grouping every remaining membership first. A pair reached through two imported
// groups comes twice; the page keeps it once.
const APP_PAIRS = `
  SELECT m.user_id AS userId, ag.app_id AS objectId
    FROM group_members m
    JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id AND g.type = 'APP_GROUP'
    JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
   WHERE m.snapshot_id = @snapshotId AND (m.user_id, ag.app_id) > (@afterUser, @afterObject)
     AND NOT EXISTS (SELECT 1 FROM app_users au WHERE au.snapshot_id = m.snapshot_id AND au.app_id = ag.app_id
                       AND au.user_id = m.user_id AND au.scope = 'USER')
     AND NOT EXISTS (SELECT 1 FROM group_members m2
                       JOIN groups g2 ON g2.snapshot_id = m2.snapshot_id AND g2.id = m2.group_id
                        AND g2.type <> 'APP_GROUP'
                       JOIN app_groups ag2 ON ag2.snapshot_id = m2.snapshot_id AND ag2.group_id = m2.group_id
                        AND ag2.app_id = ag.app_id
                      WHERE m2.snapshot_id = m.snapshot_id AND m2.user_id = m.user_id)
   ORDER BY m.user_id, ag.app_id LIMIT @limit`;

const APP_DETAILS = `
  SELECT u.id AS userId, u.login AS userLogin, a.id AS objectId, a.label AS objectName, g.id AS groupId,
         g.name AS groupName
    FROM json_each(@pairs) p
    JOIN users u ON u.snapshot_id = @snapshotId AND u.id = json_extract(p.value, '$[0]')
    JOIN apps a ON a.snapshot_id = @snapshotId AND a.id = json_extract(p.value, '$[1]')
    JOIN app_groups ag ON ag.snapshot_id = @snapshotId AND ag.app_id = a.id
    JOIN group_members m ON m.snapshot_id = @snapshotId AND m.group_id = ag.group_id AND m.user_id = u.id
    JOIN groups g ON g.snapshot_id = @snapshotId AND g.id = m.group_id AND g.type = 'APP_GROUP'
   ORDER BY p.key, g.name, g.id`;

// Groups holding admin roles are few, so these rows are few too: sorting them costs nothing.
const ROLE_PAIRS = `
  SELECT m.user_id AS userId, ra.role_key AS objectId
    FROM role_assignments ra
    JOIN groups g ON g.snapshot_id = ra.snapshot_id AND g.id = ra.principal_id AND g.type = 'APP_GROUP'
    JOIN group_members m ON m.snapshot_id = ra.snapshot_id AND m.group_id = ra.principal_id
   WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'group'
     AND (m.user_id, ra.role_key) > (@afterUser, @afterObject)
     AND NOT EXISTS (SELECT 1 FROM role_assignments r2 WHERE r2.snapshot_id = ra.snapshot_id
                       AND r2.principal_type = 'user' AND r2.principal_id = m.user_id AND r2.role_key = ra.role_key)
     AND NOT EXISTS (SELECT 1 FROM group_members m2
                       JOIN groups g2 ON g2.snapshot_id = m2.snapshot_id AND g2.id = m2.group_id
                        AND g2.type <> 'APP_GROUP'
                       JOIN role_assignments r2 ON r2.snapshot_id = m2.snapshot_id AND r2.principal_type = 'group'
                        AND r2.principal_id = m2.group_id AND r2.role_key = ra.role_key
                      WHERE m2.snapshot_id = m.snapshot_id AND m2.user_id = m.user_id)
   ORDER BY m.user_id, ra.role_key LIMIT @limit`;

const ROLE_DETAILS = `
  SELECT DISTINCT u.id AS userId, u.login AS userLogin, ra.role_key AS objectId,
         coalesce(r.label, ra.role_key) AS objectName, g.id AS groupId, g.name AS groupName, p.key AS pairIndex
    FROM json_each(@pairs) p
    JOIN users u ON u.snapshot_id = @snapshotId AND u.id = json_extract(p.value, '$[0]')
    JOIN role_assignments ra ON ra.snapshot_id = @snapshotId AND ra.principal_type = 'group'
     AND ra.role_key = json_extract(p.value, '$[1]')
    JOIN group_members m ON m.snapshot_id = @snapshotId AND m.group_id = ra.principal_id AND m.user_id = u.id
    JOIN groups g ON g.snapshot_id = @snapshotId AND g.id = m.group_id AND g.type = 'APP_GROUP'
    LEFT JOIN roles r ON r.snapshot_id = @snapshotId AND r.role_key = ra.role_key
   ORDER BY pairIndex, g.name, g.id`;

/** Apps first, then admin roles: the order the rule reports them in. */
export const IMPORTED_ACCESS_KINDS: readonly ImportedAccessKind[] = [
  { type: 'app', pairsSql: APP_PAIRS, detailsSql: APP_DETAILS, verb: (name) => `reaches ${name}` },
  { type: 'role', pairsSql: ROLE_PAIRS, detailsSql: ROLE_DETAILS, verb: (name) => `holds admin role ${name}` },
];
