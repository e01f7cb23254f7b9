// A snapshot's log: warnings a pull recorded without stopping (see migration 5). Appended in order, never rewritten.
import type { Db } from './openDatabase';

export interface SnapshotLogEntry {
  at: string;
  /** A stable id for the kind of warning, e.g. "rate-limits-guessed", "repeating-page-link", "object-denied". */
  code: string;
  /** What it is about (an endpoint, an object id, a value); a warning is said once per code and subject. */
  subject: string;
  message: string;
}

export function appendSnapshotLog(
  db: Db,
  snapshotId: number,
  entry: Omit<SnapshotLogEntry, 'at'>,
  at = new Date(),
): void {
  db.prepare(
    `INSERT INTO snapshot_log (snapshot_id, seq, at, code, subject, message)
     VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM snapshot_log WHERE snapshot_id = ?), ?, ?, ?, ?)`,
  ).run(snapshotId, snapshotId, at.toISOString(), entry.code, entry.subject, entry.message);
}

export function listSnapshotLog(db: Db, snapshotId: number): SnapshotLogEntry[] {
  return db
    .prepare(`SELECT at, code, subject, message FROM snapshot_log WHERE snapshot_id = ? ORDER BY seq`)
    .all(snapshotId) as SnapshotLogEntry[];
}
