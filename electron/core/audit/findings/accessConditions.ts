// SQL conditions on a user row aliased `u` ("reaches an app", "holds an admin role"), each an EXISTS on an index,
// shared by the rules that ask them. Both count a path through a group as well as a direct one.

export const REACHES_APP = `(
  EXISTS (SELECT 1 FROM app_users au WHERE au.snapshot_id = u.snapshot_id AND au.user_id = u.id)
  OR EXISTS (SELECT 1 FROM group_members m JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id
               AND ag.group_id = m.group_id WHERE m.snapshot_id = u.snapshot_id AND m.user_id = u.id))`;

export const HOLDS_ROLE = `(
  EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.snapshot_id = u.snapshot_id AND ra.principal_type = 'user'
            AND ra.principal_id = u.id)
  OR EXISTS (SELECT 1 FROM group_members m JOIN role_assignments ra ON ra.snapshot_id = m.snapshot_id
               AND ra.principal_type = 'group' AND ra.principal_id = m.group_id
              WHERE m.snapshot_id = u.snapshot_id AND m.user_id = u.id))`;

/** The ids of users holding an admin role (optionally one role), directly or through a group: a CTE `admins(id)`. */
export function adminsCte(roleKeyFilter: boolean): string {
  const role = roleKeyFilter ? 'AND ra.role_key = @roleKey' : '';
  return `WITH admins(id) AS (
    SELECT ra.principal_id FROM role_assignments ra
     WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'user' ${role}
    UNION
    SELECT m.user_id FROM role_assignments ra JOIN group_members m
        ON m.snapshot_id = ra.snapshot_id AND m.group_id = ra.principal_id
     WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'group' ${role})`;
}
