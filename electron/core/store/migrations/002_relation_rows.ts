// Migration 2: every relation of a snapshot in one numbered list, so the UI can jump to row 900,000 of a
// million-row relations table with one index lookup instead of an OFFSET scan.

export const migration002RelationRows = `
CREATE TABLE relation_rows (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  parent_type TEXT    NOT NULL,
  parent_id   TEXT    NOT NULL,
  child_type  TEXT    NOT NULL,
  child_id    TEXT    NOT NULL,
  detail      TEXT,
  PRIMARY KEY (snapshot_id, seq)
) WITHOUT ROWID;
CREATE INDEX relation_rows_by_kind ON relation_rows (snapshot_id, kind, seq);
`;
