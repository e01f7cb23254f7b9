// Snapshot lifecycle in the cache: create a running snapshot, finish it (complete/failed/cancelled), list and find
// them.
import type { Db } from './openDatabase';
import { listSnapshotLog } from './snapshotLog';

export type SnapshotStatus = 'running' | 'complete' | 'failed' | 'cancelled';

export interface SnapshotInfo {
  id: number;
  orgUrl: string;
  /** The user's name for it (null until given). */
  label: string | null;
  status: SnapshotStatus;
  startedAt: string;
  finishedAt: string | null;
  includeFactors: boolean;
  /** Member and role listings were asked for every group, not only those whose stats say they have some. */
  readEveryGroup: boolean;
  errorMessage: string | null;
  appVersion: string;
  /** The complete snapshot a quick refresh started from; null for a full pull. */
  baseSnapshotId: number | null;
  /**
   * A quick refresh whose deletion check failed, so it listed every user after all ("fell back to a full user
   * listing").
   */
  fellBackToFullUserListing: boolean;
  gaps: SnapshotGap[];
  /** What the pull noticed without stopping (the snapshot's log, oldest first). */
  warnings: { code: string; message: string }[];
}

export interface SnapshotGap {
  objectKind: string;
  reason: string;
  message: string;
}

interface SnapshotRow {
  id: number;
  org_url: string;
  label: string | null;
  status: SnapshotStatus;
  started_at: string;
  finished_at: string | null;
  include_factors: number;
  read_every_group: number;
  error_message: string | null;
  app_version: string;
  base_snapshot_id: number | null;
}

export function createSnapshot(
  db: Db,
  input: {
    orgUrl: string;
    includeFactors: boolean;
    appVersion: string;
    startedAt?: Date;
    baseSnapshotId?: number;
    readEveryGroup?: boolean;
  },
): number {
  const result = db
    .prepare(
      `INSERT INTO snapshots (org_url, status, started_at, include_factors, app_version, base_snapshot_id, ` +
        `read_every_group) VALUES (?, 'running', ?, ?, ?, ?, ?)`,
    )
    .run(
      input.orgUrl,
      (input.startedAt ?? new Date()).toISOString(),
      input.includeFactors ? 1 : 0,
      input.appVersion,
      input.baseSnapshotId ?? null,
      input.readEveryGroup ? 1 : 0,
    );
  return Number(result.lastInsertRowid);
}

export function finishSnapshot(
  db: Db,
  id: number,
  status: Exclude<SnapshotStatus, 'running'>,
  errorMessage?: string,
): void {
  db.prepare(`UPDATE snapshots SET status = ?, finished_at = ?, error_message = ? WHERE id = ?`).run(
    status,
    new Date().toISOString(),
    errorMessage ?? null,
    id,
  );
}

export function recordSnapshotGap(db: Db, snapshotId: number, gap: SnapshotGap): void {
  db.prepare(
    `INSERT OR REPLACE INTO snapshot_gaps (snapshot_id, object_kind, reason, message) VALUES (?, ?, ?, ?)`,
  ).run(snapshotId, gap.objectKind, gap.reason, gap.message);
}

/** A quick refresh schedules the full user listing (task `users`) only when its deletion check fails. */
export function fellBackToFullUserListing(db: Db, snapshotId: number): boolean {
  return (
    db.prepare(`SELECT 1 FROM pull_tasks WHERE snapshot_id = ? AND task_key = 'users'`).get(snapshotId) !== undefined
  );
}

function toInfo(db: Db, row: SnapshotRow): SnapshotInfo {
  const gaps = db
    .prepare(
      `SELECT object_kind AS objectKind, reason, message FROM snapshot_gaps WHERE snapshot_id = ? ORDER BY ` +
        `object_kind, reason`,
    )
    .all(row.id) as SnapshotGap[];
  return {
    id: row.id,
    orgUrl: row.org_url,
    label: row.label ?? null,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    includeFactors: row.include_factors === 1,
    readEveryGroup: row.read_every_group === 1,
    errorMessage: row.error_message,
    appVersion: row.app_version,
    baseSnapshotId: row.base_snapshot_id ?? null,
    fellBackToFullUserListing: row.base_snapshot_id != null && fellBackToFullUserListing(db, row.id),
    gaps,
    warnings: listSnapshotLog(db, row.id).map(({ code, message }) => ({ code, message })),
  };
}

export function listSnapshots(db: Db): SnapshotInfo[] {
  const rows = db.prepare(`SELECT * FROM snapshots ORDER BY id DESC`).all() as SnapshotRow[];
  return rows.map((row) => toInfo(db, row));
}

export function getSnapshot(db: Db, id: number): SnapshotInfo | undefined {
  const row = db.prepare(`SELECT * FROM snapshots WHERE id = ?`).get(id) as SnapshotRow | undefined;
  return row ? toInfo(db, row) : undefined;
}

export function latestCompleteSnapshot(db: Db): SnapshotInfo | undefined {
  const row = db.prepare(`SELECT * FROM snapshots WHERE status = 'complete' ORDER BY id DESC LIMIT 1`).get() as
    SnapshotRow | undefined;
  return row ? toInfo(db, row) : undefined;
}

/** The newest complete snapshot of the org: the base a quick refresh (CLI `pull --quick`, the app) starts from. */
export function latestCompleteSnapshotOf(db: Db, orgUrl: string): number | undefined {
  return newestSnapshotOf(db, orgUrl, `status = 'complete'`);
}

/** The newest snapshot of the org that did not complete (failed, cancelled, paused, killed): what --resume takes. */
export function latestUnfinishedSnapshotOf(db: Db, orgUrl: string): number | undefined {
  return newestSnapshotOf(db, orgUrl, `status <> 'complete'`);
}

function newestSnapshotOf(db: Db, orgUrl: string, statusCondition: string): number | undefined {
  const query = `SELECT id FROM snapshots WHERE org_url = ? AND ${statusCondition} ORDER BY id DESC LIMIT 1`;
  return db.prepare(query).pluck().get(orgUrl) as number | undefined;
}
