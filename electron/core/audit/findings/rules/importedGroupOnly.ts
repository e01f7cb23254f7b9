// Rule imported-group-only: a user reaches an app, or holds an admin role, only through APP_GROUP groups (imported
// from a directory or app), so the access is governed outside Okta. One finding per user and app or role; the apps
// come first, then the roles, and the cursor says which of the two it is in.
import type { Finding } from '../../../../../shared/audit/auditTypes';
import type { Db } from '../../../store/openDatabase';
import { AuditError } from '../../auditSnapshot';
import { decodeKey, encodeKey, nextCursor, type FindingRule, type RulePage } from '../findingRule';
import { IMPORTED_ACCESS_KINDS, type ImportedAccessKind } from './importedGroupQueries';

interface Pair {
  userId: string;
  objectId: string;
}

interface DetailRow extends Pair {
  userLogin: string;
  objectName: string;
  groupId: string;
  groupName: string;
}

function findingsOf(db: Db, snapshotId: number, kind: ImportedAccessKind, pairs: Pair[]): Finding[] {
  const byPair = new Map<string, Finding>();
  const rows = db
    .prepare(kind.detailsSql)
    .all({ snapshotId, pairs: JSON.stringify(pairs.map((pair) => [pair.userId, pair.objectId])) }) as DetailRow[];
  for (const row of rows) {
    const key = encodeKey([row.userId, row.objectId]);
    const finding = byPair.get(key) ?? {
      ruleId: importedGroupOnly.id,
      severity: importedGroupOnly.severity,
      subject: { type: 'user' as const, id: row.userId, name: row.userLogin },
      message: `${kind.verb(row.objectName)} only through imported group(s)`,
      related: [{ type: kind.type, id: row.objectId, name: row.objectName }],
    };
    finding.related.push({ type: 'group', id: row.groupId, name: row.groupName });
    byPair.set(key, finding);
  }
  for (const finding of byPair.values()) {
    finding.message += ` ${finding.related
      .slice(1)
      .map((group) => group.name)
      .join(', ')}`;
  }
  return [...byPair.values()];
}

/** One page of one kind's pairs after (afterUser, afterObject); `next` is within that kind. */
function kindPage(db: Db, snapshotId: number, kind: ImportedAccessKind, after: string[], limit: number): RulePage {
  const [afterUser, afterObject] = after;
  const rows = db.prepare(kind.pairsSql).all({ snapshotId, afterUser, afterObject, limit }) as Pair[];
  const pairs = rows.filter(
    (row, index) => index === 0 || row.userId !== rows[index - 1]!.userId || row.objectId !== rows[index - 1]!.objectId,
  );
  return {
    findings: findingsOf(db, snapshotId, kind, pairs),
    next: nextCursor(rows, limit, (row) => encodeKey([kind.type, row.userId, row.objectId])),
  };
}

function parseCursor(after: string | null): { index: number; key: string[] } {
  const [type, ...key] = decodeKey(after ?? encodeKey([IMPORTED_ACCESS_KINDS[0]!.type, '', '']), 3);
  const index = IMPORTED_ACCESS_KINDS.findIndex((kind) => kind.type === type);
  if (index < 0)
    throw new AuditError('the page cursor is not one this query returned: start again without it', 'bad-input');
  return { index, key };
}

export const importedGroupOnly: FindingRule = {
  id: 'imported-group-only',
  severity: 'medium',
  title: 'Access granted only through imported (APP_GROUP) groups',
  explanation:
    'A user reaches an app or holds an admin role only through groups imported from a directory or app ' +
    '(type APP_GROUP).',
  thresholds: [],
  page({ db, snapshot }, after, limit) {
    let { index, key } = parseCursor(after);
    const findings: Finding[] = [];
    // One turn per kind at most: each turn fills the page (and returns) or finishes its kind.
    for (; index < IMPORTED_ACCESS_KINDS.length; index++, key = ['', '']) {
      const room = limit - findings.length;
      const kind = IMPORTED_ACCESS_KINDS[index]!;
      if (room <= 0) return { findings, next: encodeKey([kind.type, '', '']) };
      const page = kindPage(db, snapshot.id, kind, key, room);
      findings.push(...page.findings);
      if (page.next !== null) return { findings, next: page.next };
    }
    return { findings, next: null };
  },
};
