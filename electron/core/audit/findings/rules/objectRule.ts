// The shape most group and app rules share: the objects of one table matching a condition, in id order after a
// cursor, each one finding with a message of its own.
import type { AuditObjectRef, Finding, FindingRuleInfo } from '../../../../../shared/audit/auditTypes';
import { nextCursor, type FindingRule } from '../findingRule';

export interface ObjectRuleSpec<Row extends { id: string; name: string }> extends FindingRuleInfo {
  /** SELECT … FROM <table> o WHERE o.snapshot_id = @snapshotId AND o.id > @after AND … ORDER BY o.id LIMIT @limit */
  sql: string;
  objectType: 'group' | 'app';
  message: (row: Row) => string;
  related?: (row: Row) => AuditObjectRef[];
}

export function objectRule<Row extends { id: string; name: string }>(spec: ObjectRuleSpec<Row>): FindingRule {
  const { sql, objectType, message, related, ...info } = spec;
  return {
    ...info,
    page({ db, snapshot }, after, limit) {
      const rows = db.prepare(sql).all({ snapshotId: snapshot.id, after: after ?? '', limit }) as Row[];
      const findings = rows.map((row): Finding => ({
        ruleId: info.id,
        severity: info.severity,
        subject: { type: objectType, id: row.id, name: row.name },
        message: message(row),
        related: related?.(row) ?? [],
      }));
      return { findings, next: nextCursor(rows, limit, (row) => row.id) };
    },
  };
}

/** Parses a json_group_array(json_array(id, name)) column into object references. */
export function refsFromJson(type: AuditObjectRef['type'], json: string | null): AuditObjectRef[] {
  return ((JSON.parse(json ?? '[]') as [string, string][]) ?? []).map(([id, name]) => ({ type, id, name }));
}
