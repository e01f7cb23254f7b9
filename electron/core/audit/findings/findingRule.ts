// What a finding rule is: its row of the rule table (id, severity, title, explanation, thresholds) and a paged query
// over one snapshot. Rules page with a keyset cursor of their own (an opaque string), never OFFSET.
import {
  DEFAULT_AUDIT_THRESHOLDS,
  type AccessKind,
  type AuditObjectRef,
  type AuditThresholds,
  type Finding,
  type FindingRuleInfo,
} from '../../../../shared/audit/auditTypes';
import type { Db } from '../../store/openDatabase';
import { AuditError, type AuditSnapshot } from '../auditSnapshot';
import { accessRowsOfUsers } from '../access/accessQueries';

export interface RuleContext {
  db: Db;
  snapshot: AuditSnapshot;
  thresholds: AuditThresholds;
}

export interface RulePage {
  findings: Finding[];
  /** The cursor of the next page of this rule; null when the rule has no more findings. */
  next: string | null;
}

export interface FindingRule extends FindingRuleInfo {
  /** Why this snapshot cannot answer the rule (e.g. factors were not pulled), or undefined when it can. */
  notApplicable?: (context: RuleContext) => string | undefined;
  page: (context: RuleContext, after: string | null, limit: number) => RulePage;
}

/** The defaults (shared, so the app's Findings screen shows them before anything is changed). */
export const DEFAULT_THRESHOLDS: AuditThresholds = DEFAULT_AUDIT_THRESHOLDS;

/** The next-page cursor of a keyset query: the last key when the page was full, else null. */
export function nextCursor<T>(rows: readonly T[], limit: number, keyOf: (row: T) => string): string | null {
  return rows.length === limit ? keyOf(rows[rows.length - 1]!) : null;
}

/** A composite keyset cursor ([app id, user id] …) as a string, and back; a damaged cursor is refused. */
export function encodeKey(parts: readonly string[]): string {
  return JSON.stringify(parts);
}

export function decodeKey(cursor: string | null, size: number): string[] {
  if (cursor === null) return Array<string>(size).fill('');
  let parts: unknown;
  try {
    parts = JSON.parse(cursor);
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== size || parts.some((part) => typeof part !== 'string'))
    throw new AuditError('the page cursor is not one this query returned: start again without it', 'bad-input');
  return parts as string[];
}

/** The apps and/or roles each user holds (any path), each object once, for a finding's related objects. */
export function heldByUsers(
  db: Db,
  snapshotId: number,
  userIds: readonly string[],
  kinds: readonly AccessKind[],
): Map<string, AuditObjectRef[]> {
  const held = new Map<string, Map<string, AuditObjectRef>>(userIds.map((id) => [id, new Map()]));
  for (const row of accessRowsOfUsers(db, snapshotId, userIds, kinds)) {
    const type = row.kind === 'factor' ? 'factor' : row.kind;
    held.get(row.userId)!.set(`${type}:${row.objectId}`, { type, id: row.objectId, name: row.objectName });
  }
  return new Map([...held].map(([userId, objects]) => [userId, [...objects.values()]]));
}

export function userRefs(db: Db, snapshotId: number, userIds: readonly string[]): Map<string, AuditObjectRef> {
  const rows = db
    .prepare(`SELECT id, login, status FROM users WHERE snapshot_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .all(snapshotId, JSON.stringify(userIds)) as { id: string; login: string; status: string }[];
  return new Map(rows.map((row) => [row.id, { type: 'user', id: row.id, name: row.login }]));
}

export function countOf(objects: readonly AuditObjectRef[], type: AuditObjectRef['type'], noun: string): string {
  const count = objects.filter((object) => object.type === type).length;
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
