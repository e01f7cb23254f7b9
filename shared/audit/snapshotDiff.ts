// What comparing two snapshots reports: per object kind, what was added, removed or changed (status), with counts
// and pages of rows. Shared by the CLI (`okta-prep diff`), the service (`audit.diff`) and a future Compare screen.

/** The kinds compared, in the order they are reported. */
export const DIFF_KINDS = [
  'users',
  'groups',
  'apps',
  'memberships',
  'appAssignments',
  'groupAppAssignments',
  'roleAssignments',
] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export const DIFF_CHANGES = ['added', 'removed', 'changed'] as const;
/** added / removed: in the second snapshot only / in the first only; changed: in both, with another status. */
export type DiffChange = (typeof DIFF_CHANGES)[number];

/** Kinds whose rows can change in place (their status); the others are only added or removed. */
export const DIFF_KINDS_WITH_STATUS: readonly DiffKind[] = ['users', 'apps'];

/** The changes a kind can have, in the order they are reported. */
export function changesOf(kind: DiffKind): DiffChange[] {
  return DIFF_KINDS_WITH_STATUS.includes(kind) ? ['added', 'removed', 'changed'] : ['added', 'removed'];
}

/** How each kind is named in text, and what "added" / "removed" read as for it (a membership is gained or lost). */
export const DIFF_KIND_LABELS: Record<DiffKind, { label: string; added: string; removed: string }> = {
  users: { label: 'users', added: 'added', removed: 'removed' },
  groups: { label: 'groups', added: 'added', removed: 'removed' },
  apps: { label: 'apps', added: 'added', removed: 'removed' },
  memberships: { label: 'group memberships', added: 'gained', removed: 'lost' },
  appAssignments: { label: 'user app assignments', added: 'gained', removed: 'lost' },
  groupAppAssignments: { label: 'group app assignments', added: 'gained', removed: 'lost' },
  roleAssignments: { label: 'admin role assignments', added: 'gained', removed: 'lost' },
};

export interface DiffCount {
  kind: DiffKind;
  added: number;
  removed: number;
  /** null for kinds that have no status to change. */
  changed: number | null;
}

export interface DiffSnapshotRef {
  id: number;
  orgUrl: string;
  status: string;
  startedAt: string;
  /** The snapshot a quick refresh was built on; null for a full pull. */
  baseSnapshotId: number | null;
}

/** How a snapshot is named in a comparison's text: id, start, how it was pulled, and its status unless complete. */
export function describeDiffSnapshot(snapshot: DiffSnapshotRef): string {
  const how = snapshot.baseSnapshotId === null ? 'full pull' : `quick refresh of ${snapshot.baseSnapshotId}`;
  const status = snapshot.status === 'complete' ? '' : `, ${snapshot.status}`;
  return `snapshot ${snapshot.id} (${snapshot.startedAt}, ${how}${status})`;
}

export interface DiffSummary {
  from: DiffSnapshotRef;
  to: DiffSnapshotRef;
  counts: DiffCount[];
  /** What makes the comparison less than exact (an unfinished snapshot, a kind a snapshot could not read). */
  notes: string[];
}

/**
 * One difference. The principal is who holds the access (a user, a group) or the object itself for users, groups and
 * apps; the target is what is held (a group, an app, a role). Names come from the snapshot the row is in.
 */
export interface DiffRow {
  kind: DiffKind;
  change: DiffChange;
  principalType: 'user' | 'group' | 'app';
  principalId: string;
  principalName: string | null;
  targetType: 'group' | 'app' | 'role' | null;
  targetId: string | null;
  targetName: string | null;
  /** What else identifies the row: a user's status, a group's type, an assignment's scope or priority. */
  detail: string | null;
  /** For a change: the status before and after. */
  before: string | null;
  after: string | null;
}

/** One page of one kind's changes, in key order: `after` is the previous page's `next` (keyset, never an offset). */
export interface DiffPageRequest {
  kind: DiffKind;
  change: DiffChange;
  after?: string | null;
  limit: number;
}

export interface DiffPage extends DiffPageRequest {
  total: number;
  rows: DiffRow[];
  /** Pass back as `after` for the next page; null on the last page. */
  next: string | null;
}

/** The CSV export's columns, in order (the DiffRow fields in snake case). */
export const DIFF_CSV_HEADER = [
  'kind',
  'change',
  'principal_type',
  'principal_id',
  'principal_name',
  'target_type',
  'target_id',
  'target_name',
  'detail',
  'before',
  'after',
] as const;

export function diffRowCells(row: DiffRow): string[] {
  return [
    row.kind,
    row.change,
    row.principalType,
    row.principalId,
    row.principalName ?? '',
    row.targetType ?? '',
    row.targetId ?? '',
    row.targetName ?? '',
    row.detail ?? '',
    row.before ?? '',
    row.after ?? '',
  ];
}
