// Rules empty-group and unused-group: groups nobody is in, and groups that grant nothing (no app, no admin role).
// The built-in Everyone group is left out of both.
import { objectRule } from './objectRule';

export const emptyGroup = objectRule<{ id: string; name: string; type: string }>({
  id: 'empty-group',
  severity: 'low',
  title: 'Empty groups',
  explanation: 'A group has no members: delete it, or check why nobody is in it.',
  thresholds: [],
  objectType: 'group',
  // A group whose members were not read because its counts said none is empty too; one whose counts say it has
  // members that were not read is not reported.
  sql: `SELECT o.id, o.name, o.type FROM groups o
         WHERE o.snapshot_id = @snapshotId AND o.id > @after AND o.type <> 'BUILT_IN'
           AND coalesce(o.users_count, 0) = 0
           AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.snapshot_id = o.snapshot_id AND m.group_id = o.id)
         ORDER BY o.id LIMIT @limit`,
  message: (row) => `${row.type} group with no members`,
});

export const unusedGroup = objectRule<{ id: string; name: string; type: string; members: number }>({
  id: 'unused-group',
  severity: 'info',
  title: 'Groups assigned to no app and holding no admin role',
  explanation: 'A group grants nothing Okta Prep can see (no app, no admin role); it may still be used by policies.',
  thresholds: [],
  objectType: 'group',
  sql: `SELECT o.id, o.name, o.type,
               (SELECT count(*) FROM group_members m WHERE m.snapshot_id = o.snapshot_id AND m.group_id = o.id)
                 AS members
          FROM groups o
         WHERE o.snapshot_id = @snapshotId AND o.id > @after AND o.type <> 'BUILT_IN'
           AND NOT EXISTS (SELECT 1 FROM app_groups ag WHERE ag.snapshot_id = o.snapshot_id AND ag.group_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.snapshot_id = o.snapshot_id
                             AND ra.principal_type = 'group' AND ra.principal_id = o.id)
         ORDER BY o.id LIMIT @limit`,
  message: (row) => `${row.type} group (${row.members} members) assigned to no app and holding no admin role`,
});
