// The Browse queries against an independent computation on a generated snapshot: every column's order both ways,
// jumps to any row (the last one too), the kind filter, id and name filters and the search, for relations; any
// order and column filters for users.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowsePage, BrowsePageParams } from '../../../shared/service/types';
import { browsePage } from '../../../electron/core/service/browse/browseTables';
import { openDatabase, type Db } from '../../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from '../../bench/syntheticSnapshot';
import { useTempDirs } from '../../helpers/tempDir';
import { compareValues, expectedRelations, rowOrder, sortValue, type ExpectedRelation } from './expectedRelations';

const tempDir = useTempDirs();
let db: Db;
let snapshotId: number;
let relations: ExpectedRelation[];

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'browse.sqlite'));
  snapshotId = buildSyntheticSnapshot(db, { users: 600, groups: 30, memberships: 3000, apps: 6, everyKind: true });
  relations = expectedRelations(db, snapshotId).sort(rowOrder);
});

type Query = Omit<BrowsePageParams, 'snapshotId' | 'table' | 'offset' | 'limit'>;

/** Every row of a query, read in pages of 97 (pages that never line up with anything). */
function readAll(query: Query, table: BrowsePageParams['table'] = 'relations'): BrowsePage['rows'] {
  const rows: BrowsePage['rows'] = [];
  for (let offset = 0; ; offset += 97) {
    const page = browsePage(db, { snapshotId, table, offset, limit: 97, ...query });
    rows.push(...page.rows);
    if (offset + 97 >= page.total) return rows;
  }
}

const shape = (row: Record<string, unknown> | ExpectedRelation) => ({
  kind: row.kind,
  parentId: row.parentId,
  parentName: row.parentName,
  childId: row.childId,
  childName: row.childName,
  detail: row.detail,
});

function sortedBy(rows: ExpectedRelation[], column: string, direction: 'asc' | 'desc'): ExpectedRelation[] {
  const sign = direction === 'asc' ? 1 : -1;
  const wanted = new Set(rows);
  const withSeq = relations.map((row, seq) => ({ row, seq })).filter(({ row }) => wanted.has(row));
  return withSeq
    .sort((a, b) => sign * (compareValues(sortValue(a.row, column), sortValue(b.row, column)) || a.seq - b.seq))
    .map(({ row }) => row);
}

describe('relations', () => {
  it('has every relation once, in parent, child, kind order, numbered from 0', () => {
    const rows = readAll({});
    expect(rows.map(shape)).toEqual(relations.map(shape));
    expect(rows.map((row) => row.seq)).toEqual(relations.map((_, index) => index));
    expect(new Set(relations.map((row) => row.kind)).size).toBe(5);
  });

  it.each(['seq', 'kind', 'parentId', 'parentName', 'childId', 'childName', 'detail', 'parentType'])(
    'sorts by %s both ways, ties in row order',
    (column) => {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { column, direction };
        const expected =
          column === 'seq'
            ? direction === 'asc'
              ? relations
              : [...relations].reverse()
            : sortedBy(relations, column, direction);
        expect(readAll({ sort }).map(shape), `${column} ${direction}`).toEqual(expected.map(shape));
      }
    },
  );

  it('jumps straight to any row, the last one too, in each native order', () => {
    const last = relations.length - 1;
    for (const [sort, expected] of [
      [{ column: 'seq', direction: 'desc' }, [...relations].reverse()],
      [{ column: 'kind', direction: 'asc' }, sortedBy(relations, 'kind', 'asc')],
      [{ column: 'kind', direction: 'desc' }, sortedBy(relations, 'kind', 'desc')],
    ] as const) {
      for (const offset of [0, 1, 1234, last - 3, last]) {
        const page = browsePage(db, { snapshotId, table: 'relations', offset, limit: 5, sort: { ...sort } });
        expect(page.total).toBe(relations.length);
        expect(page.rows.map(shape)).toEqual(expected.slice(offset, offset + 5).map(shape));
      }
    }
    expect(browsePage(db, { snapshotId, table: 'relations', offset: last, limit: 5 }).rows[0]!.seq).toBe(last);
  });

  it('filters by kind (toolbar or column), with its total and its rows in order', () => {
    for (const kind of new Set(relations.map((row) => row.kind))) {
      const expected = relations.filter((row) => row.kind === kind);
      for (const query of [{ filter: kind }, { columnFilters: { kind } }]) {
        const first = browsePage(db, { snapshotId, table: 'relations', offset: 0, limit: 1, ...query });
        expect(first.total).toBe(expected.length);
        expect(readAll(query).map(shape)).toEqual(expected.map(shape));
      }
      const lastOfKind = browsePage(db, {
        snapshotId,
        table: 'relations',
        offset: expected.length - 1,
        limit: 9,
        filter: kind,
      });
      expect(lastOfKind.rows.map(shape)).toEqual([shape(expected.at(-1)!)]);
    }
  });

  it('filters by id prefix and name per column, and combines them with the kind', () => {
    const group = relations.find((row) => row.childType === 'group' && row.childName === 'Group 13')!;
    const cases: [Query, (row: ExpectedRelation) => boolean][] = [
      [{ columnFilters: { parentId: '00u000000000000001' } }, (row) => row.parentId.startsWith('00u000000000000001')],
      [{ columnFilters: { childId: group.childId } }, (row) => row.childId === group.childId],
      [{ columnFilters: { childName: 'group 1' } }, (row) => /group 1/i.test(row.childName ?? '')],
      [{ columnFilters: { parentName: 'User 42' } }, (row) => /User 42/.test(row.parentName ?? '')],
      [
        { columnFilters: { parentName: 'user 4', childName: 'admin' }, filter: 'admin role' },
        (row) =>
          /user 4/i.test(row.parentName ?? '') && /admin/i.test(row.childName ?? '') && row.kind === 'admin role',
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = relations.filter(keep);
      expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect(readAll(query).map(shape), JSON.stringify(query)).toEqual(expected.map(shape));
    }
  });

  it('searches either end by exact id or by a name that contains the text', () => {
    const someone = relations.find((row) => row.kind === 'app (direct)')!;
    const byId = relations.filter((row) => row.parentId === someone.parentId || row.childId === someone.parentId);
    expect(readAll({ search: someone.parentId }).map(shape)).toEqual(byId.map(shape));
    const byName = relations.filter((row) =>
      [row.parentName, row.childName].some((name) => /help desk/i.test(name ?? '')),
    );
    expect(byName.length).toBeGreaterThan(0);
    expect(readAll({ search: 'Help Desk' }).map(shape)).toEqual(byName.map(shape));
    const backwards = readAll({ search: 'Help Desk', sort: { column: 'seq', direction: 'desc' } });
    expect(backwards.map(shape)).toEqual([...byName].reverse().map(shape));
    const sorted = readAll({ search: 'Help Desk', sort: { column: 'parentName', direction: 'desc' } });
    expect(sorted.map(shape)).toEqual(sortedBy(byName, 'parentName', 'desc').map(shape));
  });

  it('refuses a filter on a column without one, naming those that have one', () => {
    expect(() =>
      browsePage(db, { snapshotId, table: 'relations', offset: 0, limit: 5, columnFilters: { detail: 'x' } }),
    ).toThrow('unknown column "detail" for relations: filter by one of kind, parentId, parentName, childId, childName');
  });
});

describe('users', () => {
  it('sorts by any column and filters per column, paging through a kept view', () => {
    const users = db
      .prepare(`SELECT id, name, login, email, status FROM users WHERE snapshot_id = ?`)
      .all(snapshotId) as Record<string, string>[];
    const expected = users
      .filter((user) => user.name!.includes('5') && user.email!.includes('example'))
      .sort((a, b) => -(compareValues(a.email!, b.email!) || compareValues(a.id!, b.id!)));
    const query: Query = {
      columnFilters: { name: '5', email: 'EXAMPLE' },
      sort: { column: 'email', direction: 'desc' },
    };
    expect(readAll(query, 'users').map((row) => row.id)).toEqual(expected.map((user) => user.id));
    const deep = browsePage(db, { snapshotId, table: 'users', offset: expected.length - 2, limit: 10, ...query });
    expect(deep.rows.map((row) => row.id)).toEqual(expected.slice(-2).map((user) => user.id));
  });
});
