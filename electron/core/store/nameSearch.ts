// A trigram index (SQLite FTS5) over the searchable text of users, groups and apps, so "contains this text" finds the
// few matching objects among hundreds of thousands without reading every one of them: the Browse screen's search and
// name filters at ten million relations. The index only narrows: every candidate is checked again with the same LIKE
// as a plain scan, so the answer is exactly the scan's (FTS folds case beyond ASCII, and with detail=none it knows
// which trigrams a row holds, not where: both give extra candidates, never fewer).
//
// Each snapshot's rows get FTS rowids in [snapshot id × 2^32, (snapshot id + 1) × 2^32), numbered in id order, so one
// snapshot's candidates are a rowid range (fast, whatever else the cache holds) and come out in id order. The index is
// built once a snapshot is complete (its rows never change after); name_search_ready says which snapshots have it, and
// the others (a pull still running, a cancelled one) are scanned as before.
import type { Db } from './openDatabase';

export type SearchedTable = 'users' | 'groups' | 'apps';

interface SearchIndexSpec {
  /** The FTS5 table. */
  fts: string;
  /** The columns whose text goes into the index (each may be searched alone; NULLs are skipped). */
  columns: readonly string[];
}

export const NAME_SEARCH: Record<SearchedTable, SearchIndexSpec> = {
  users: { fts: 'users_name_search', columns: ['name', 'login', 'email', 'id'] },
  groups: { fts: 'groups_name_search', columns: ['name', 'id', 'description'] },
  apps: { fts: 'apps_name_search', columns: ['label', 'name', 'id'] },
};

export const NAME_SEARCH_READY = 'name_search_ready';

const SNAPSHOT_ROWID_SPAN = 2 ** 32;

/** Whether a table of the schema belongs to the name search (the FTS tables, their shadow tables, the ready list). */
export function isNameSearchTable(name: string): boolean {
  return name === NAME_SEARCH_READY || Object.values(NAME_SEARCH).some(({ fts }) => name.startsWith(fts));
}

/**
 * The FTS tables and the ready list. contentless: the text stays in the pulled tables (the index holds only the
 * object's id); contentless_delete lets a snapshot's rows be deleted by rowid range.
 */
export function nameSearchSchemaSql(): string {
  const fts = Object.values(NAME_SEARCH).map(
    ({ fts: name }) =>
      `CREATE VIRTUAL TABLE ${name} USING fts5(entity_id UNINDEXED, text, content='', contentless_delete=1, ` +
      `contentless_unindexed=1, tokenize='trigram', detail=none);`,
  );
  return [
    ...fts,
    `CREATE TABLE ${NAME_SEARCH_READY} (snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id) ON DELETE CASCADE);`,
  ].join('\n');
}

/** SQL filling the index of `schema` for the snapshots whose ids `snapshotIds` lists (a SQL list or subquery). */
export function nameSearchFillSql(schema: string, snapshotIds: string): string {
  const fill = Object.entries(NAME_SEARCH).map(([table, { fts, columns }]) => {
    // char(10) between columns: a trigram across two columns is only a spare candidate, removed by the check.
    const text = columns.map((column) => `coalesce(${column}, '')`).join(` || char(10) || `);
    return (
      `INSERT INTO ${schema}.${fts} (rowid, entity_id, text) SELECT snapshot_id * ${SNAPSHOT_ROWID_SPAN} + ` +
      `row_number() OVER (PARTITION BY snapshot_id ORDER BY id) - 1, id, ${text} FROM ${schema}.${table} ` +
      `WHERE snapshot_id IN ${snapshotIds};`
    );
  });
  const ready =
    `INSERT INTO ${schema}.${NAME_SEARCH_READY} (snapshot_id) ` +
    `SELECT id FROM ${schema}.snapshots WHERE id IN ${snapshotIds};`;
  return [...fill, ready].join('\n');
}

/** Builds the snapshot's index (replacing any it had) in `schema` (main, or an attached portable file). */
export function buildNameSearch(db: Db, snapshotId: number, schema = 'main'): void {
  if (!Number.isSafeInteger(snapshotId)) throw new Error(`not a snapshot id: ${snapshotId}`);
  db.transaction(() => {
    deleteNameSearch(db, snapshotId, schema);
    db.exec(nameSearchFillSql(schema, `(${snapshotId})`));
  })();
}

/** Removes the snapshot's rows from the index (part of deleting the snapshot). */
export function deleteNameSearch(db: Db, snapshotId: number, schema = 'main'): void {
  const range = snapshotRowids(snapshotId);
  for (const { fts } of Object.values(NAME_SEARCH))
    db.prepare(`DELETE FROM ${schema}.${fts} WHERE rowid >= @from AND rowid < @to`).run(range);
  db.prepare(`DELETE FROM ${schema}.${NAME_SEARCH_READY} WHERE snapshot_id = ?`).run(snapshotId);
}

/** Whether the snapshot's index is built (false in a file from before it existed, opened read-only). */
export function hasNameSearch(db: Db, snapshotId: number): boolean {
  try {
    return db.prepare(`SELECT 1 FROM ${NAME_SEARCH_READY} WHERE snapshot_id = ?`).get(snapshotId) !== undefined;
  } catch (error) {
    if (/no such table/.test((error as Error).message)) return false;
    throw error;
  }
}

export function snapshotRowids(snapshotId: number): { from: number; to: number } {
  return { from: snapshotId * SNAPSHOT_ROWID_SPAN, to: (snapshotId + 1) * SNAPSHOT_ROWID_SPAN };
}

/** At most this many of the text's trigrams are asked for: each more only shortens a candidate list already short. */
const MAX_TRIGRAMS = 8;

/**
 * The FTS query for "contains `text`": its distinct trigrams, all required (spread over the text when there are
 * many). Null when the text is shorter than three characters: no trigram, so the caller scans.
 */
export function trigramQuery(text: string): string | null {
  const chars = Array.from(text);
  if (chars.length < 3) return null;
  const trigrams = [...new Set(chars.slice(2).map((_, i) => chars.slice(i, i + 3).join('')))];
  const step = Math.max(1, trigrams.length / MAX_TRIGRAMS);
  const picked = new Set<string>();
  for (let i = 0; i < trigrams.length && picked.size < MAX_TRIGRAMS; i += step) picked.add(trigrams[Math.floor(i)]!);
  picked.add(trigrams.at(-1)!);
  return [...picked].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * The condition on FTS table NAME_SEARCH[table].fts that keeps one snapshot's objects (@<parameter>From/To, its rowid
 * range) whose text may contain the text of the FTS query @<parameter>: a superset, the caller checks each with LIKE.
 * Their rowid order is id order.
 */
export function candidatesCondition(table: SearchedTable, parameter: string): string {
  const { fts } = NAME_SEARCH[table];
  return `${fts} MATCH @${parameter} AND ${fts}.rowid >= @${parameter}From AND ${fts}.rowid < @${parameter}To`;
}

/** The parameters of candidatesCondition. */
export function candidatesValues(snapshotId: number, parameter: string, query: string): Record<string, unknown> {
  const { from, to } = snapshotRowids(snapshotId);
  return { [parameter]: query, [`${parameter}From`]: from, [`${parameter}To`]: to };
}
