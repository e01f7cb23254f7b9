// Compares two snapshots of one org: counts per kind (added, removed, status changed) and pages of rows, straight
// from SQL set differences, so nothing proportional to the org's size is held in memory.
import {
  changesOf,
  DIFF_KINDS,
  DIFF_KINDS_WITH_STATUS,
  type DiffChange,
  type DiffCount,
  type DiffKind,
  type DiffPage,
  type DiffPageRequest,
  type DiffRow,
  type DiffSnapshotRef,
  type DiffSummary,
} from '../../../../shared/audit/snapshotDiff';
import type { Db } from '../../store/openDatabase';
import { getSnapshot, type SnapshotInfo } from '../../store/snapshots';
import { cursorSize, presenceCountSql, presenceRowsSql, statusCountSql, statusRowsSql } from './diffQueries';

export class SnapshotDiffError extends Error {
  override name = 'SnapshotDiffError';
}

export interface DiffPair {
  from: number;
  to: number;
}

/** A row as the page queries give it: the CSV's columns, then the values of its order columns (cursor_0 …). */
interface RawDiffRow {
  principal_type: DiffRow['principalType'];
  principal_id: string;
  principal_name: string | null;
  target_type: DiffRow['targetType'];
  target_id: string | null;
  target_name: string | null;
  detail: string | number | null;
  before: string | null;
  after: string | null;
  [cursorColumn: `cursor_${number}`]: string;
}

/** Both snapshots, checked comparable (they exist, differ, and are of one org); a clear error otherwise. */
export function checkDiffPair(db: Db, pair: DiffPair): { from: SnapshotInfo; to: SnapshotInfo } {
  if (pair.from === pair.to)
    throw new SnapshotDiffError(`both snapshots are ${pair.from}: compare two different snapshots`);
  const [from, to] = [pair.from, pair.to].map((id) => {
    const snapshot = getSnapshot(db, id);
    if (!snapshot)
      throw new SnapshotDiffError(`there is no snapshot ${id} in this cache; list them with "okta-prep snapshots"`);
    return snapshot;
  }) as [SnapshotInfo, SnapshotInfo];
  if (from.orgUrl !== to.orgUrl)
    throw new SnapshotDiffError(
      `snapshot ${from.id} is of ${from.orgUrl} and snapshot ${to.id} of ${to.orgUrl}: compare two snapshots of ` +
        `the same org`,
    );
  return { from, to };
}

export function diffSummary(db: Db, pair: DiffPair): DiffSummary {
  const { from, to } = checkDiffPair(db, pair);
  const counts: DiffCount[] = DIFF_KINDS.map((kind) => ({
    kind,
    added: countChange(db, pair, kind, 'added'),
    removed: countChange(db, pair, kind, 'removed'),
    changed: DIFF_KINDS_WITH_STATUS.includes(kind) ? countChange(db, pair, kind, 'changed') : null,
  }));
  return { from: snapshotRef(from), to: snapshotRef(to), counts, notes: [...notesOn(from), ...notesOn(to)] };
}

export function countChange(db: Db, pair: DiffPair, kind: DiffKind, change: DiffChange): number {
  const sql = change === 'changed' ? statusCountSql(kind) : presenceCountSql(kind);
  return db.prepare(sql).pluck().get(bindings(pair, change)) as number;
}

/** One page of one kind's changes after the request's cursor (in key order), with the total to page through. */
export function diffPage(db: Db, pair: DiffPair, request: DiffPageRequest, total?: number): DiffPage {
  checkChange(request.kind, request.change);
  const size = cursorSize(request.kind, request.change === 'changed' ? 'status' : 'presence');
  const key = request.after ? decodeCursor(request.after, size) : null;
  const keyset = key !== null;
  const sql =
    request.change === 'changed' ? statusRowsSql(request.kind, keyset) : presenceRowsSql(request.kind, keyset);
  const keyParams = Object.fromEntries((key ?? []).map((value, i) => [`k${i}`, value]));
  const rows = db
    .prepare(sql)
    .all({ ...bindings(pair, request.change), ...keyParams, limit: request.limit }) as RawDiffRow[];
  const last = rows.length === request.limit ? rows[rows.length - 1] : undefined;
  return {
    ...request,
    total: total ?? countChange(db, pair, request.kind, request.change),
    rows: rows.map((row) => toDiffRow(request.kind, request.change, row)),
    next: last ? JSON.stringify(Array.from({ length: size }, (_, i) => last[`cursor_${i}`])) : null,
  };
}

/** A cursor this query returned: a list of `size` strings; anything else is refused with what to do. */
function decodeCursor(after: string, size: number): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(after);
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== size || parts.some((part) => typeof part !== 'string'))
    throw new SnapshotDiffError('the page cursor is not one this comparison returned: start again without it');
  return parts as string[];
}

/** Every difference, kind by kind (added, removed, changed), streamed from SQLite: for the CLI's CSV export. */
export function* allDiffRows(db: Db, pair: DiffPair): Generator<DiffRow> {
  for (const kind of DIFF_KINDS) {
    for (const change of changesOf(kind)) {
      const sql = change === 'changed' ? statusRowsSql(kind, false) : presenceRowsSql(kind, false);
      const rows = db.prepare(sql).iterate({ ...bindings(pair, change), limit: -1 });
      for (const row of rows as Iterable<RawDiffRow>) yield toDiffRow(kind, change, row);
    }
  }
}

/**
 * The same rows a page at a time, no statement left open in between: for a consumer that waits between rows (an
 * HTTP download), while other queries use the same connection.
 */
export function* pagedDiffRows(db: Db, pair: DiffPair, pageSize = 1000): Generator<DiffRow> {
  checkDiffPair(db, pair);
  for (const kind of DIFF_KINDS) {
    for (const change of changesOf(kind)) {
      let after: string | null = null;
      // Each page moves the cursor forward through a finite set of keys, so this ends.
      do {
        const page = diffPage(db, pair, { kind, change, after, limit: pageSize }, 0);
        yield* page.rows;
        after = page.next;
      } while (after !== null);
    }
  }
}

function checkChange(kind: DiffKind, change: DiffChange): void {
  if (change === 'changed' && !DIFF_KINDS_WITH_STATUS.includes(kind))
    throw new SnapshotDiffError(`${kind} have no status, so they are only added or removed, never changed`);
}

/** added: rows of the second snapshot the first lacks; removed and changed look from the first to the second. */
function bindings(pair: DiffPair, change: DiffChange): { from: number; other: number } {
  return change === 'added' ? { from: pair.to, other: pair.from } : { from: pair.from, other: pair.to };
}

function toDiffRow(kind: DiffKind, change: DiffChange, row: RawDiffRow): DiffRow {
  return {
    kind,
    change,
    principalType: row.principal_type,
    principalId: row.principal_id,
    principalName: row.principal_name,
    targetType: row.target_type,
    targetId: row.target_id,
    targetName: row.target_name,
    detail: row.detail === null ? null : String(row.detail),
    before: row.before,
    after: row.after,
  };
}

function snapshotRef(snapshot: SnapshotInfo): DiffSnapshotRef {
  const { id, orgUrl, status, startedAt, baseSnapshotId } = snapshot;
  return { id, orgUrl, status, startedAt, baseSnapshotId };
}

/** Why a comparison may show differences that are not changes in Okta: an unfinished pull, a kind it could not read. */
function notesOn(snapshot: SnapshotInfo): string[] {
  const notes: string[] = [];
  if (snapshot.status !== 'complete')
    notes.push(`snapshot ${snapshot.id} is ${snapshot.status}, not complete: what it lacks shows as added or removed`);
  const kinds = [...new Set(snapshot.gaps.map((gap) => gap.objectKind))];
  if (kinds.length > 0)
    notes.push(
      `snapshot ${snapshot.id} is incomplete for ${kinds.join(', ')}: those differences may be gaps, not changes`,
    );
  return notes;
}
