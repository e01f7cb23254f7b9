// Migration 8: indexes for the offline audit's keyset pages. Users by status in id order (the rules about suspended,
// deprovisioned and dormant users walk only those users instead of every user), and direct app assignments apart
// from group-scoped ones (direct-bypasses-group walks only the direct ones).

export const migration008AuditIndexes = `
CREATE INDEX users_by_status_id ON users (snapshot_id, status, id);
CREATE INDEX app_users_by_scope ON app_users (snapshot_id, scope, app_id, user_id);
`;
