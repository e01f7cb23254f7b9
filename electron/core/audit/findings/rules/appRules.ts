// Rules app-no-assignments and inactive-app-assigned: apps nobody is assigned, and INACTIVE apps that still have
// assignments (they come back with the app if it is reactivated).
import { objectRule, refsFromJson } from './objectRule';

export const appWithoutAssignments = objectRule<{ id: string; name: string; status: string }>({
  id: 'app-no-assignments',
  severity: 'low',
  title: 'Apps with no assignments',
  explanation: 'An app is assigned to no user and no group: remove it if it is no longer used.',
  thresholds: [],
  objectType: 'app',
  sql: `SELECT o.id, o.label AS name, o.status FROM apps o
         WHERE o.snapshot_id = @snapshotId AND o.id > @after
           AND NOT EXISTS (SELECT 1 FROM app_users au WHERE au.snapshot_id = o.snapshot_id AND au.app_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM app_groups ag WHERE ag.snapshot_id = o.snapshot_id AND ag.app_id = o.id)
         ORDER BY o.id LIMIT @limit`,
  message: (row) => `${row.status} app assigned to no user and no group`,
});

export const inactiveAppAssigned = objectRule<{ id: string; name: string; users: number; groups: string }>({
  id: 'inactive-app-assigned',
  severity: 'medium',
  title: 'INACTIVE apps that still have assignments',
  explanation: 'An INACTIVE app still has user or group assignments, which return if the app is activated again.',
  thresholds: [],
  objectType: 'app',
  sql: `SELECT o.id, o.label AS name,
               (SELECT count(*) FROM app_users au WHERE au.snapshot_id = o.snapshot_id AND au.app_id = o.id) AS users,
               (SELECT json_group_array(json_array(g.id, g.name)) FROM app_groups ag
                  JOIN groups g ON g.snapshot_id = ag.snapshot_id AND g.id = ag.group_id
                 WHERE ag.snapshot_id = o.snapshot_id AND ag.app_id = o.id) AS groups
          FROM apps o
         WHERE o.snapshot_id = @snapshotId AND o.id > @after AND o.status = 'INACTIVE'
           AND (EXISTS (SELECT 1 FROM app_users au WHERE au.snapshot_id = o.snapshot_id AND au.app_id = o.id)
             OR EXISTS (SELECT 1 FROM app_groups ag WHERE ag.snapshot_id = o.snapshot_id AND ag.app_id = o.id))
         ORDER BY o.id LIMIT @limit`,
  message: (row) =>
    `INACTIVE app still assigned to ${row.users} user(s) and ${refsFromJson('group', row.groups).length} group(s)`,
  related: (row) => refsFromJson('group', row.groups),
});
