// Migration 4: which process is pulling into a snapshot ("host:pid"), so a second process cannot resume a pull
// that is still running (a killed pull leaves its snapshot "running" with a dead pid).

export const migration004SnapshotRunner = `
ALTER TABLE snapshots ADD COLUMN runner TEXT;
`;
