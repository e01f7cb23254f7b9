// Turns the relations table's search and column filters into SQL over relation_rows r that indexes answer: ids by
// their index (exact for the search, "starts with" for an id column's filter), names by first finding the users,
// groups, apps or roles whose name contains the text (at most NAME_MATCH_LIMIT of them) and then their relations.
import type { BrowsePageParams } from '../../../../shared/service/types';
import {
  NAME_SEARCH,
  candidatesCondition,
  candidatesValues,
  hasNameSearch,
  trigramQuery,
  type SearchedTable,
} from '../../store/nameSearch';
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
  /**
   * Each name or search constraint as the row numbers it keeps, read from an index alone; `byIndexOnly` is true when
   * those are all the constraints (no kind, no id prefix), so the view can be their intersection without reading rows.
   */
  seqSets: string[];
  byIndexOnly: boolean;
  notice?: string;
}

type EndType = 'user' | 'group' | 'app' | 'role';

/** Where each type's names are, and the condition "the name contains @text" on them. */
const NAME_LOOKUPS: Record<EndType, { from: string; key: string; indexed?: SearchedTable; matches: string }> = {
  user: {
    from: 'users',
    key: 'id',
    indexed: 'users',
    matches: `(t.name LIKE @text ESCAPE '\\' OR t.login LIKE @text ESCAPE '\\')`,
  },
  group: { from: 'groups', key: 'id', indexed: 'groups', matches: `t.name LIKE @text ESCAPE '\\'` },
  app: { from: 'apps', key: 'id', indexed: 'apps', matches: `t.label LIKE @text ESCAPE '\\'` },
  // Roles are a few dozen: a scan is as fast as an index.
  role: { from: 'roles', key: 'role_key', matches: `t.label LIKE @text ESCAPE '\\'` },
};

/**
 * SQL for the ids (in id order, at most @room) of one type's objects whose name contains @text: through the name
 * search's candidates when the snapshot has them and the text has a trigram, else by reading every object's name.
 */
function nameLookupSql(type: EndType, indexed: boolean): string {
  const { from, key, indexed: table, matches } = NAME_LOOKUPS[type];
  if (!indexed || !table)
    return (
      `SELECT t.${key} FROM ${from} t WHERE t.snapshot_id = @snapshotId AND ${matches} ` +
      `ORDER BY t.${key} LIMIT @room`
    );
  const { fts } = NAME_SEARCH[table];
  // CROSS JOIN: the candidates are the outer loop, each one seek into the table (their rowid order is id order).
  return (
    `SELECT t.${key} FROM ${fts} CROSS JOIN ${from} t ` +
    `ON t.snapshot_id = @snapshotId AND t.${key} = ${fts}.entity_id ` +
    `WHERE ${candidatesCondition(table, 'query')} AND ${matches} ORDER BY ${fts}.rowid LIMIT @room`
  );
}

/**
 * Ids of the objects of these types whose name contains `text`: the first NAME_MATCH_LIMIT, the types in the order
 * given and each type's in id order (the same first ones, index or scan); `more` when there were over NAME_MATCH_LIMIT.
 */
function idsNamed(db: Db, snapshotId: number, text: string, types: EndType[]): { ids: string[]; more: boolean } {
  const query = hasNameSearch(db, snapshotId) ? trigramQuery(text) : null;
  const values = {
    snapshotId,
    text: containsPattern(text),
    ...(query && candidatesValues(snapshotId, 'query', query)),
  };
  const ids: string[] = [];
  for (const type of types) {
    const room = NAME_MATCH_LIMIT + 1 - ids.length;
    if (room <= 0) break;
    const found = db
      .prepare(nameLookupSql(type, query !== null))
      .pluck()
      .all({ ...values, room }) as string[];
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

function addSeqSet(out: RelationConstraints, seqs: string): void {
  out.clauses.push(`r.seq IN (${seqs})`);
  out.seqSets.push(`SELECT seq FROM (${seqs})`);
}

export function relationConstraints(db: Db, params: BrowsePageParams): RelationConstraints {
  const out: RelationConstraints = { clauses: [], values: {}, narrowed: false, seqSets: [], byIndexOnly: true };
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
      out.byIndexOnly = false;
      continue;
    }
    const types: EndType[] = column === 'parentName' ? ['user', 'group'] : ['group', 'app', 'role'];
    const named = idsNamed(db, params.snapshotId, text, types);
    if (named.more) cut.push(text);
    out.values[parameter] = JSON.stringify(named.ids);
    addSeqSet(out, seqsWithEnd(column === 'parentName' ? 'parent_id' : 'child_id', parameter));
  }
  const search = params.search?.trim();
  if (search) addSearch(db, params.snapshotId, search, out, cut);
  if (out.kind) {
    out.values.kind = out.kind;
    // With a name or search set, that set (hundreds of rows) drives and the kind is checked per row; "+" keeps the
    // planner off the kind index, which would read every row of the kind (millions) to test each against the set.
    out.clauses.push(out.seqSets.length > 0 ? '+r.kind = @kind' : 'r.kind = @kind');
    out.byIndexOnly = false;
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
  addSeqSet(out, `${seqsWithEnd('parent_id', 'searchIds')} UNION ${seqsWithEnd('child_id', 'searchIds')}`);
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
