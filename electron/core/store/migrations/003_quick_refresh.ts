// Migration 3: a quick-refresh snapshot remembers the complete snapshot it was refreshed from (NULL for a full pull),
// so a resumed quick refresh copies from the same base. No foreign key: deleting an old snapshot must stay possible.

export const migration003QuickRefresh = `
ALTER TABLE snapshots ADD COLUMN base_snapshot_id INTEGER NULL;
`;
