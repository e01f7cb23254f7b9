// Turns the relations table's search and column filters into SQL over relation_rows r that indexes answer: ids by
// their index (exact for the search, "starts with" for an id column's filter), names by first finding the users,
// groups, apps or roles whose name contains the text (at most NAME_MATCH_LIMIT of them) and then their relations.
import type { BrowsePageParams } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { activeColumnFilters, columnExpression, containsPattern } from './browseParams';
import { RELATION_FILTERABLE, RELATION_SORT } from './relationColumns';

export const NAME_MATCH_LIMIT = 1000;

export interface RelationConstraints {
  /** SQL conditions on relation_rows r (besides the snapshot), with their parameters. */
  clauses: string[];
  values: Record<string, unknown>;
  /** The one kind asked for, if any. */
  kind?: string;
  /** True when something besides the kind narrows the rows (then they go through a view). */
  narrowed: boolean;
  notice?: string;
}

type EndType = 'user' | 'group' | 'app' | 'role';
const NAME_LOOKUPS: Record<EndType, string> = {
  user:
    `SELECT id FROM users WHERE snapshot_id = @snapshotId AND ` +
    `(name LIKE @text ESCAPE '\\' OR login LIKE @text ESCAPE '\\')`,
  group: `SELECT id FROM groups WHERE snapshot_id = @snapshotId AND name LIKE @text ESCAPE '\\'`,
  app: `SELECT id FROM apps WHERE snapshot_id = @snapshotId AND label LIKE @text ESCAPE '\\'`,
  role: `SELECT role_key FROM roles WHERE snapshot_id = @snapshotId AND label LIKE @text ESCAPE '\\'`,
};

/** Ids of the objects of these types whose name contains `text`; `more` when there were over NAME_MATCH_LIMIT. */
function idsNamed(db: Db, snapshotId: number, text: string, types: EndType[]): { ids: string[]; more: boolean } {
  const ids: string[] = [];
  for (const type of types) {
    const room = NAME_MATCH_LIMIT + 1 - ids.length;
    if (room <= 0) break;
    const found = db
      .prepare(`${NAME_LOOKUPS[type]} LIMIT @room`)
      .pluck()
      .all({ snapshotId, text: containsPattern(text), room }) as string[];
    ids.push(...found);
  }
  return { ids: ids.slice(0, NAME_MATCH_LIMIT), more: ids.length > NAME_MATCH_LIMIT };
}

/** Every string that starts with `prefix` sorts in [prefix, prefix + U+10FFFF) in SQLite's binary order. */
const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

/**
 * Rows whose `column` (parent_id or child_id) is one of the ids in the JSON array @parameter. The CROSS JOIN keeps
 * the ids as the outer loop, so each is one index seek (the planner would otherwise scan the snapshot's rows).
 */
const seqsWithEnd = (column: string, parameter: string) =>
  `SELECT e.seq FROM json_each(@${parameter}) AS ids CROSS JOIN relation_rows AS e ` +
  `ON e.snapshot_id = @snapshotId AND e.${column} = ids.value`;

export function relationConstraints(db: Db, params: BrowsePageParams): RelationConstraints {
  const out: RelationConstraints = { clauses: [], values: {}, narrowed: false };
  const cut: string[] = [];
  const kind = params.filter || undefined;
  if (kind) out.kind = kind;
  for (const [column, text] of activeColumnFilters(params)) {
    columnExpression(RELATION_SORT, 'relations', column, 'filter', RELATION_FILTERABLE);
    if (column === 'kind') {
      if (out.kind && out.kind !== text) out.clauses.push('0');
      out.kind = text;
      continue;
    }
    out.narrowed = true;
    const parameter = `filter_${column}`;
    if (column === 'parentId' || column === 'childId') {
      const sqlColumn = column === 'parentId' ? 'r.parent_id' : 'r.child_id';
      out.values[`${parameter}_from`] = text;
      out.values[`${parameter}_to`] = prefixEnd(text);
      out.clauses.push(`${sqlColumn} >= @${parameter}_from AND ${sqlColumn} < @${parameter}_to`);
      continue;
    }
    const types: EndType[] = column === 'parentName' ? ['user', 'group'] : ['group', 'app', 'role'];
    const named = idsNamed(db, params.snapshotId, text, types);
    if (named.more) cut.push(text);
    out.values[parameter] = JSON.stringify(named.ids);
    out.clauses.push(`r.seq IN (${seqsWithEnd(column === 'parentName' ? 'parent_id' : 'child_id', parameter)})`);
  }
  const search = params.search?.trim();
  if (search) addSearch(db, params.snapshotId, search, out, cut);
  if (out.kind) {
    out.values.kind = out.kind;
    out.clauses.push('r.kind = @kind');
  }
  if (cut.length > 0) out.notice = cutNotice(cut);
  return out;
}

/**
 * An Okta object id: three characters naming the kind (00u, 00g, 0oa…) and 17 more. No user, group or app name looks
 * like one, so a search for an id skips scanning their names (hundreds of thousands of users) and is index seeks only.
 */
const OKTA_ID = /^[0-9a-z]{3}[0-9A-Za-z]{17}$/;

/** The search box: relations with an end whose id is the text, or whose name contains it. */
function addSearch(db: Db, snapshotId: number, search: string, out: RelationConstraints, cut: string[]): void {
  out.narrowed = true;
  const named = idsNamed(db, snapshotId, search, OKTA_ID.test(search) ? ['role'] : ['user', 'group', 'app', 'role']);
  if (named.more) cut.push(search);
  out.values.searchIds = JSON.stringify([search, ...named.ids]);
  out.clauses.push(`r.seq IN (${seqsWithEnd('parent_id', 'searchIds')} UNION ${seqsWithEnd('child_id', 'searchIds')})`);
}

function cutNotice(texts: string[]): string {
  const quoted = texts.map((text) => `“${text}”`).join(' and ');
  const limit = NAME_MATCH_LIMIT.toLocaleString('en');
  return (
    `${quoted} ${texts.length === 1 ? 'matches' : 'match'} the names of more than ${limit} users, groups, apps ` +
    `or roles: these are the relations of the first ${limit}. ` +
    `Type more of the name, or an id.`
  );
}
