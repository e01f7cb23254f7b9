// Migration 10: what the Browse screen needs to stay fast at ten million relations.
// - kind_seq numbers each relation within its kind (in row order), so "row n of the app assignments" is one index
//   seek instead of an OFFSET scan, and sorting by kind is the kinds one after another.
// - relation_kind_counts keeps each kind's total, so a table of 10M rows shows its size without counting it.
// - parent and child id indexes answer a search for one user, group, app or role with index lookups.

export const migration010BrowseIndexes = `
ALTER TABLE relation_rows ADD COLUMN kind_seq INTEGER;
UPDATE relation_rows SET kind_seq = numbered.n
  FROM (SELECT snapshot_id, seq, row_number() OVER (PARTITION BY snapshot_id, kind ORDER BY seq) - 1 AS n
          FROM relation_rows) AS numbered
 WHERE relation_rows.snapshot_id = numbered.snapshot_id AND relation_rows.seq = numbered.seq;
DROP INDEX relation_rows_by_kind;
CREATE INDEX relation_rows_by_kind ON relation_rows (snapshot_id, kind, kind_seq);
CREATE INDEX relation_rows_by_parent ON relation_rows (snapshot_id, parent_id);
CREATE INDEX relation_rows_by_child ON relation_rows (snapshot_id, child_id);

CREATE TABLE relation_kind_counts (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL,
  total       INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, kind)
) WITHOUT ROWID;
INSERT INTO relation_kind_counts (snapshot_id, kind, total)
  SELECT snapshot_id, kind, count(*) FROM relation_rows GROUP BY snapshot_id, kind;
`;
