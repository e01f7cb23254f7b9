// Migration 9: a label the user gives a snapshot ("Acme before the clean-up"), shown beside its org wherever the
// snapshot is named. NULL until one is given; snapshots from before it read back unlabelled.

export const migration009SnapshotLabel = `
ALTER TABLE snapshots ADD COLUMN label TEXT;
`;
