// Labelling and deleting snapshots. Deleting removes every row of the snapshot in one transaction (all of it or
// nothing), then gives the freed pages back to the disk with VACUUM when nothing else is using the cache, so the
// file really shrinks; when something is (a pull or an export in another connection), the pages stay free inside the
// file and the next pulls reuse them.
import type { SnapshotDeletion } from '../../../shared/service/types';
import fs from 'node:fs';
import { runnerIsLive } from '../pull/snapshotRunner';
import type { Db } from './openDatabase';
import { deleteNameSearch } from './nameSearch';
import { getSnapshot, type SnapshotInfo } from './snapshots';

/** A request the cache refuses, with the reason in words (the caller maps it to its own error). */
export class SnapshotChangeRefused extends Error {
  override name = 'SnapshotChangeRefused';
  constructor(
    readonly reason: 'not-found' | 'in-use' | 'bad-label',
    message: string,
  ) {
    super(message);
  }
}

export const MAX_LABEL_LENGTH = 200;

/** Sets (or, with an empty text, clears) the snapshot's label; returns the snapshot as it is now. */
export function labelSnapshot(db: Db, snapshotId: number, text: string): SnapshotInfo {
  const label = text.replace(/\s+/g, ' ').trim();
  if (label.length > MAX_LABEL_LENGTH)
    throw new SnapshotChangeRefused('bad-label', `a label is at most ${MAX_LABEL_LENGTH} characters`);
  const changed = db.prepare(`UPDATE snapshots SET label = ? WHERE id = ?`).run(label || null, snapshotId).changes;
  if (changed === 0) throw notFound(snapshotId);
  return getSnapshot(db, snapshotId)!;
}

// What a deletion did is the service's answer as it stands: one definition, in shared/.
export type { SnapshotDeletion };

/**
 * Deletes the snapshot and every row that belongs to it (refused while a live pull writes it, or an unfinished quick
 * refresh builds on it). `vacuum: false` leaves the freed pages inside the file (another job holds the cache open).
 */
export function deleteSnapshot(db: Db, snapshotId: number, options: { vacuum: boolean }): SnapshotDeletion {
  const snapshot = getSnapshot(db, snapshotId);
  if (!snapshot) throw notFound(snapshotId);
  refuseWhenDependedOn(db, snapshot);
  const bytesBefore = cacheBytes(db);
  const pagesBefore = db.pragma('page_count', { simple: true }) as number;
  db.transaction(() => {
    deleteNameSearch(db, snapshotId); // its FTS rows have no snapshot_id column: they go by rowid range
    for (const table of tablesWithSnapshotRows(db))
      db.prepare(`DELETE FROM "${table}" WHERE snapshot_id = ?`).run(snapshotId);
    db.prepare(`DELETE FROM snapshots WHERE id = ?`).run(snapshotId);
  })();
  const vacuumed = options.vacuum && vacuumUnlessBusy(db);
  return {
    snapshotId,
    orgUrl: snapshot.orgUrl,
    freedBytes: Math.max(0, bytesBefore - cacheBytes(db)),
    pagesBefore,
    pagesAfter: db.pragma('page_count', { simple: true }) as number,
    vacuumed,
  };
}

/**
 * VACUUM rewrites the file without the freed pages; in WAL mode it writes into the WAL, and the checkpoint makes the
 * main file shrink. Another process writing the cache (a pull from the command line) makes it busy: then the pages
 * stay free inside the file, which is still correct.
 */
export function vacuumUnlessBusy(db: Db): boolean {
  try {
    db.exec('VACUUM');
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')) return false;
    throw error;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return true;
}

/** A pull still running in it, or an unfinished quick refresh built on it (its resume copies from it). */
function refuseWhenDependedOn(db: Db, snapshot: SnapshotInfo): void {
  if (snapshot.status === 'running' && runnerIsAlive(db, snapshot.id))
    throw new SnapshotChangeRefused(
      'in-use',
      `snapshot ${snapshot.id} is being pulled right now: cancel the pull first, then delete it`,
    );
  const refresh = db
    .prepare(`SELECT id FROM snapshots WHERE base_snapshot_id = ? AND status <> 'complete' ORDER BY id LIMIT 1`)
    .pluck()
    .get(snapshot.id) as number | undefined;
  if (refresh !== undefined)
    throw new SnapshotChangeRefused(
      'in-use',
      `snapshot ${snapshot.id} is the base of the unfinished quick refresh ${refresh}, which needs it to resume: ` +
        `delete snapshot ${refresh} first`,
    );
}

/** Runs in this process or another live one (a killed pull leaves "running" with a dead pid). */
function runnerIsAlive(db: Db, snapshotId: number): boolean {
  const runner = db.prepare(`SELECT runner FROM snapshots WHERE id = ?`).pluck().get(snapshotId) as string | null;
  return runnerIsLive(runner);
}

function tablesWithSnapshotRows(db: Db): string[] {
  return db
    .prepare(
      `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c ON c.name = 'snapshot_id'
       WHERE m.type = 'table' ORDER BY m.name`,
    )
    .pluck()
    .all() as string[];
}

/** The database file plus its WAL, as the disk holds them (0 in memory). */
function cacheBytes(db: Db): number {
  if (db.memory) return 0;
  const size = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return size(db.name) + size(`${db.name}-wal`);
}

function notFound(snapshotId: number): SnapshotChangeRefused {
  return new SnapshotChangeRefused('not-found', `there is no snapshot ${snapshotId} (see the list of snapshots)`);
}
