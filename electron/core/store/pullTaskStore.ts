// Reads the state of a pull's listings (pull_tasks): which are pending, where each continues, what was done.
import type { Db } from './openDatabase';

export interface PullTaskState {
  key: string;
  nextUrl: string | null;
  done: boolean;
  rows: number;
  requests: number;
}

interface TaskRow {
  task_key: string;
  next_url: string | null;
  done: number;
  rows: number;
  requests: number;
}

function toState(row: TaskRow): PullTaskState {
  return { key: row.task_key, nextUrl: row.next_url, done: row.done === 1, rows: row.rows, requests: row.requests };
}

export function getPullTask(db: Db, snapshotId: number, key: string): PullTaskState | undefined {
  const row = db.prepare(`SELECT * FROM pull_tasks WHERE snapshot_id = ? AND task_key = ?`).get(snapshotId, key) as
    TaskRow | undefined;
  return row ? toState(row) : undefined;
}

/** Unfinished listings whose key starts with `prefix` (e.g. 'group-members:'), in a stable order. */
export function pendingPullTasks(db: Db, snapshotId: number, prefix: string): PullTaskState[] {
  const rows = db
    .prepare(
      `SELECT * FROM pull_tasks WHERE snapshot_id = ? AND done = 0 AND task_key >= ? AND task_key < ?
         ORDER BY task_key`,
    )
    .all(snapshotId, prefix, `${prefix}\uffff`) as TaskRow[];
  return rows.map(toState);
}

export function markPullTaskDone(db: Db, snapshotId: number, key: string): void {
  db.prepare(`UPDATE pull_tasks SET done = 1, next_url = NULL WHERE snapshot_id = ? AND task_key = ?`).run(
    snapshotId,
    key,
  );
}

export interface TaskKindCount {
  kindName: string;
  done: number;
  total: number;
  /** Rows stored by its listings (committed with their pages). */
  rows: number;
}

/** Listings per task kind (the part of the key before ':'), for progress: the card's and Past pulls' one source. */
export function countPullTasksByKind(db: Db, snapshotId: number): TaskKindCount[] {
  return db
    .prepare(
      `SELECT substr(task_key, 1, instr(task_key || ':', ':') - 1) AS kindName, count(*) AS total,
         coalesce(sum(done), 0) AS done, coalesce(sum(rows), 0) AS rows
       FROM pull_tasks WHERE snapshot_id = ? GROUP BY kindName`,
    )
    .all(snapshotId) as TaskKindCount[];
}
