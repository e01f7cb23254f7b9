// The audit's CSV exports: effective access (one row per path) and findings (one row per finding with the ids of the
// objects involved), streamed page by page into a private (0600) file that appears only when complete.
import type { AccessPathRow, AccessSubject, Finding } from '../../../shared/audit/auditTypes';
import { writeCsvFileAtomically, type CsvFileSummary } from '../balkanid/atomicCsvFile';
import type { Db } from '../store/openDatabase';
import { allAccessRows } from './access/accessPages';

export const ACCESS_CSV_HEADER = [
  'user_id',
  'user_login',
  'user_status',
  'access_kind',
  'object_id',
  'object_name',
  'path',
  'via_group_id',
  'via_group_name',
  'detail',
] as const;

export const FINDINGS_CSV_HEADER = [
  'rule_id',
  'severity',
  'subject_type',
  'subject_id',
  'subject_name',
  'message',
  'related_ids',
] as const;

function accessCells(row: AccessPathRow): string[] {
  return [
    row.userId,
    row.userLogin,
    row.userStatus,
    row.kind,
    row.objectId,
    row.objectName,
    row.path,
    row.viaGroupId ?? '',
    row.viaGroupName ?? '',
    row.detail ?? '',
  ];
}

/** related_ids: "type:id" of each object involved, separated by spaces (Okta ids hold no spaces). */
export function findingCells(finding: Finding): string[] {
  const { subject } = finding;
  const related = finding.related.map((object) => `${object.type}:${object.id}`).join(' ');
  return [finding.ruleId, finding.severity, subject.type, subject.id, subject.name, finding.message, related];
}

export function* mapped<T>(items: Iterable<T>, cells: (item: T) => string[]): Generator<string[]> {
  for (const item of items) yield cells(item);
}

export function writeAccessCsv(
  db: Db,
  snapshotId: number,
  subject: AccessSubject,
  file: string,
): Promise<CsvFileSummary> {
  return writeCsvFileAtomically(file, ACCESS_CSV_HEADER, mapped(allAccessRows(db, snapshotId, subject), accessCells));
}

export function writeFindingsCsv(file: string, findings: Iterable<Finding>): Promise<CsvFileSummary> {
  return writeCsvFileAtomically(file, FINDINGS_CSV_HEADER, mapped(findings, findingCells));
}
