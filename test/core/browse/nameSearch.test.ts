// The name search index (FTS5 trigrams) against the plain LIKE scan it replaces: on a generated snapshot with names in
// several scripts and cases, LIKE's own specials (% _ \) and quotes, every search and name filter of the Browse
// screen gives exactly the scan's rows; texts of one or two characters (no trigram) fall back to the scan.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowsePage, BrowsePageParams } from '../../../shared/service/types';
import { browsePage } from '../../../electron/core/service/browse/browseTables';
import { viewCacheOf } from '../../../electron/core/service/browse/browseViews';
import { NAME_MATCH_LIMIT } from '../../../electron/core/service/browse/relationMatches';
import { NAME_SEARCH, buildNameSearch, hasNameSearch, trigramQuery } from '../../../electron/core/store/nameSearch';
import { openDatabase, type Db } from '../../../electron/core/store/openDatabase';
import { buildRelationRows } from '../../../electron/core/store/relationRows';
import { buildSyntheticSnapshot } from '../../bench/syntheticSnapshot';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let db: Db;
let snapshotId: number;

const ODD_NAMES = [
  'Zoë Ångström',
  'ZOË ÅNGSTRÖM',
  'Straße Weiß',
  'STRASSE WEISS',
  "Seán O'Brien",
  'Émile École',
  'émile école',
  '日本語 太郎',
  '50% off_sale',
  '50 percent offXsale',
  'back\\slash user',
  'say "hi" there',
  'Ünïcödé ïs fün',
  'emoji 😀 fan',
];

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'names.sqlite'));
  snapshotId = buildSyntheticSnapshot(db, { users: 1_500, groups: 40, memberships: 4_500, apps: 5, everyKind: true });
  const user = db.prepare(
    `INSERT INTO users (snapshot_id, id, status, login, email, name, raw) VALUES (?, ?, 'ACTIVE', ?, ?, ?, '{}')`,
  );
  const member = db.prepare(`INSERT INTO group_members (snapshot_id, group_id, user_id) VALUES (?, ?, ?)`);
  const group = db.prepare(
    `INSERT INTO groups (snapshot_id, id, type, name, description, raw) VALUES (?, ?, 'OKTA_GROUP', ?, ?, '{}')`,
  );
  ODD_NAMES.forEach((name, i) => {
    const id = `00uodd${String(i).padStart(14, '0')}`;
    user.run(snapshotId, id, `odd${i}_${name.replace(/\s/g, '.')}@Example.COM`, null, name);
    group.run(snapshotId, `00godd${String(i).padStart(14, '0')}`, `Team ${name}`, `for ${name} (100%)`);
    member.run(snapshotId, `00godd${String(i).padStart(14, '0')}`, id);
    member.run(snapshotId, '00g00000000000000001', id);
  });
  buildRelationRows(db, snapshotId);
  buildNameSearch(db, snapshotId);
});

type Query = Omit<BrowsePageParams, 'snapshotId' | 'offset' | 'limit'>;

/** Every row of a query, from a view built now (a complete snapshot's views are kept: not the one built before). */
function readAll(query: Query): BrowsePage['rows'] {
  viewCacheOf(db).clear();
  const rows: BrowsePage['rows'] = [];
  for (let offset = 0; ; offset += 500) {
    const page = browsePage(db, { snapshotId, offset, limit: 500, ...query });
    rows.push(...page.rows);
    if (offset + 500 >= page.total) return rows;
  }
}

/** The rows with the name search, and the rows of the plain scan (the snapshot's index marked as not built). */
function withAndWithoutIndex(query: Query): { indexed: BrowsePage['rows']; scanned: BrowsePage['rows'] } {
  expect(hasNameSearch(db, snapshotId)).toBe(true);
  const indexed = readAll(query);
  db.prepare(`DELETE FROM name_search_ready WHERE snapshot_id = ?`).run(snapshotId);
  try {
    return { indexed, scanned: readAll(query) };
  } finally {
    db.prepare(`INSERT INTO name_search_ready (snapshot_id) VALUES (?)`).run(snapshotId);
  }
}

const TEXTS = [
  'zoë',
  'ZOË',
  'Ångström',
  'ångström',
  'straße',
  'STRASSE',
  "o'brien",
  'École',
  'ÉCOLE',
  '日本語',
  '太郎',
  '50%',
  '0% off_',
  '%',
  '_',
  '\\',
  'back\\slash',
  '"hi"',
  'y "h',
  'ünïcödé',
  '😀 f',
  'user 12',
  'USER 1',
  'user1@bench.example.com',
  'example.com',
  'group 1',
  'help desk',
  'App 3',
  'x',
  'ab',
  'e',
  'nobody here',
];

describe('the name search gives exactly the rows of the plain scan', () => {
  it.each(TEXTS)('relations: search %j, parent and child name filters', (text) => {
    const queries: Query[] = [
      { table: 'relations', search: text },
      { table: 'relations', columnFilters: { parentName: text } },
      { table: 'relations', columnFilters: { childName: text }, filter: 'member' },
    ];
    for (const query of queries) {
      const { indexed, scanned } = withAndWithoutIndex(query);
      expect(indexed, JSON.stringify(query)).toEqual(scanned);
    }
  });

  it.each(TEXTS)('users, groups and apps: search %j and column filters', (text) => {
    const queries: Query[] = [
      { table: 'users', search: text },
      { table: 'users', columnFilters: { login: text } },
      { table: 'users', columnFilters: { name: text, email: text } },
      { table: 'groups', search: text, sort: { column: 'name', direction: 'desc' } },
      { table: 'apps', columnFilters: { label: text } },
    ];
    for (const query of queries) {
      const { indexed, scanned } = withAndWithoutIndex(query);
      expect(indexed, JSON.stringify(query)).toEqual(scanned);
    }
  });

  it('finds what the odd names hold (the comparison is not of two empty answers)', () => {
    const count = (query: Query) => withAndWithoutIndex(query).indexed.length;
    expect(count({ table: 'users', search: 'zoë' })).toBe(1); // LIKE folds ASCII only: not ZOË
    expect(count({ table: 'users', search: '50%' })).toBe(1); // % taken literally: not "50 percent"
    expect(count({ table: 'users', search: '0% off_' })).toBe(1);
    expect(count({ table: 'users', search: 'école' })).toBe(1);
    expect(count({ table: 'users', search: 'user 12' })).toBe(111); // User 12, User 120…129, User 1200…1299
    expect(count({ table: 'relations', columnFilters: { parentName: 'y "h' } })).toBe(2);
    expect(count({ table: 'relations', search: '日本語' })).toBe(2); // the user's memberships, one in the user's group
  });

  it('cuts a name matching too many objects at the same first ones, in id order', () => {
    const { indexed, scanned } = withAndWithoutIndex({ table: 'relations', columnFilters: { parentName: 'user' } });
    expect(indexed).toEqual(scanned);
    const page = browsePage(db, {
      snapshotId,
      table: 'relations',
      offset: 0,
      limit: 1,
      columnFilters: { parentName: 'user' },
    });
    expect(page.notice).toContain(`more than ${NAME_MATCH_LIMIT.toLocaleString('en')}`);
  });
});

describe('the index is what answers', () => {
  it('finds nothing once its rows are gone but the snapshot still says it has them', () => {
    const query: Query = { table: 'users', search: 'Ångström' };
    expect(readAll(query)).toHaveLength(1);
    db.prepare(`DELETE FROM ${NAME_SEARCH.users.fts}`).run();
    try {
      expect(readAll(query)).toHaveLength(0);
      expect(readAll({ table: 'users', search: 'Ån' })).toHaveLength(2); // two characters: scanned (n = N)
    } finally {
      buildNameSearch(db, snapshotId);
    }
    expect(readAll(query)).toHaveLength(1);
  });

  it('asks for the trigrams of the text, quoted, and for nothing under three characters', () => {
    expect(trigramQuery('ab')).toBeNull();
    expect(trigramQuery('😀ab')).toBe('"😀ab"');
    expect(trigramQuery('a"bc')).toBe('"a""b" AND """bc"');
    expect(trigramQuery('aaaa')).toBe('"aaa"');
  });
});
