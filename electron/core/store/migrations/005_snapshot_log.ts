// Migration 5: each snapshot's log of what a pull noticed but did not stop for (rate limits guessed, a repeating page
// link, one object it could not read, a value never seen before). Shown by pull, snapshots, export and the app.

export const migration005SnapshotLog = `
CREATE TABLE snapshot_log (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  at          TEXT    NOT NULL,
  code        TEXT    NOT NULL,
  -- subject: what the warning is about (an endpoint, an object id, a value): said once per code and subject
  subject     TEXT    NOT NULL,
  message     TEXT    NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
) WITHOUT ROWID;
`;
