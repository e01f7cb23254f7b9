// Migration 7: a snapshot remembers whether its pull read every group's members and roles regardless of stats
// (`--read-every-group`), so a resumed pull schedules the rest of the groups the same way it started.

export const migration007ReadEveryGroup = `
ALTER TABLE snapshots ADD COLUMN read_every_group INTEGER NOT NULL DEFAULT 0;
`;
