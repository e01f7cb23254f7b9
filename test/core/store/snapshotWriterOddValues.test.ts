// The snapshot writer on Okta JSON the schema does not promise: nulls, numbers and objects where strings belong,
// missing ids and needed fields. Every page commits; each item is stored with the stated fallback or skipped, and
// each new value, fallback and skip is said once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/store/openDatabase';
import { createSnapshot } from '../../../electron/core/store/snapshots';
import { SnapshotWriter, type PageRows } from '../../../electron/core/store/snapshotWriter';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

function writePages(pages: PageRows[]): {
  db: Db;
  id: number;
  warnings: { code: string; subject: string; message: string }[];
} {
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
  const id = createSnapshot(db, { orgUrl: 'https://odd.okta.com', includeFactors: true, appVersion: 'test' });
  const warnings: { code: string; subject: string; message: string }[] = [];
  const writer = new SnapshotWriter(db, id, (code, subject, message) => warnings.push({ code, subject, message }));
  pages.forEach((page, index) => writer.commitPage(`task-${index}`, page, undefined));
  writer.flush();
  writer.finishOddValueReport();
  return { db, id, warnings };
}

const all = (db: Db, sql: string) => db.prepare(sql).all();

describe('SnapshotWriter with odd Okta JSON', () => {
  it('stores users with fallbacks, skips items without an object or id, and counts the skips', () => {
    const { db, warnings } = writePages([
      {
        kind: 'users',
        items: [
          null,
          42,
          'text',
          {},
          { id: { nested: true } },
          { id: 'u1', status: 7, profile: null, created: { not: 'a date' } },
          { id: 'u2', status: 'ACTIVE', profile: { login: { x: 1 }, email: 'ada@example.com', firstName: 12 } },
          { id: 'u3', status: 'NEW_STATUS', profile: { login: 'grace', displayName: '  ' } },
          { id: 'u4', status: 'NEW_STATUS', profile: { login: 'alan' } },
        ],
      },
    ]);
    expect(all(db, `SELECT id, status, login, email, name, first_name, created FROM users ORDER BY id`)).toEqual([
      { id: 'u1', status: '7', login: 'u1', email: null, name: 'u1', first_name: null, created: null },
      {
        id: 'u2',
        status: 'ACTIVE',
        login: 'ada@example.com',
        email: 'ada@example.com',
        name: 'ada@example.com',
        first_name: null,
        created: null,
      },
      { id: 'u3', status: 'NEW_STATUS', login: 'grace', email: null, name: 'grace', first_name: null, created: null },
      { id: 'u4', status: 'NEW_STATUS', login: 'alan', email: null, name: 'alan', first_name: null, created: null },
    ]);
    expect(warnings.filter((w) => w.code === 'new-value').map((w) => w.subject)).toEqual([
      'user status=7',
      'user status=NEW_STATUS',
    ]);
    expect(warnings.filter((w) => w.code === 'fallback').map((w) => w.subject)).toEqual(['user profile.login']);
    expect(warnings.filter((w) => w.code === 'item-skipped').map((w) => w.subject)).toEqual(['users']);
    expect(warnings.find((w) => w.code === 'item-skipped-count')?.message).toMatch(
      /^5 items of the users listing in all were skipped/,
    );
    expect(warnings.find((w) => w.code === 'fallback-count')?.message).toMatch(
      /^2 objects in all had no usable user profile\.login/,
    );
  });

  it('names groups, apps and roles by the stated fallbacks and keeps odd numbers out of number columns', () => {
    const { db } = writePages([
      { kind: 'groups', items: [{ id: 'g1', _embedded: { stats: { usersCount: 'many' } } }] },
      {
        kind: 'apps',
        items: [
          { id: 'a1', label: 9 },
          { id: 'a2', name: 'key_only', status: 'ACTIVE' },
          { id: 'a3', label: { en: 'x' } },
        ],
      },
      { kind: 'appGroups', appId: 'a1', items: [{ id: 'g1', priority: 'high' }, { priority: 1 }] },
      { kind: 'appUsers', appId: 'a1', items: [{ id: 'u1' }, { scope: 'USER' }] },
      { kind: 'customRoles', items: [{ id: 'cr1' }] },
      {
        kind: 'roleAssignments',
        principalType: 'user',
        principalId: 'u1',
        items: [{ role: 'cr1' }, { label: 'no type' }, { type: 'SUPER_ADMIN', id: 'ra2', assignmentType: 'GROUP' }],
      },
      { kind: 'factors', userId: 'u1', items: [{ id: 'f1' }, { factorType: 'sms' }] },
    ]);
    expect(all(db, `SELECT id, type, name, users_count FROM groups`)).toEqual([
      { id: 'g1', type: 'UNKNOWN', name: '(unnamed group g1)', users_count: null },
    ]);
    expect(all(db, `SELECT id, name, label, status FROM apps ORDER BY id`)).toEqual([
      { id: 'a1', name: '9', label: '9', status: 'UNKNOWN' },
      { id: 'a2', name: 'key_only', label: 'key_only', status: 'ACTIVE' },
      { id: 'a3', name: 'a3', label: 'a3', status: 'UNKNOWN' },
    ]);
    expect(all(db, `SELECT group_id, priority FROM app_groups`)).toEqual([{ group_id: 'g1', priority: null }]);
    expect(all(db, `SELECT user_id, scope FROM app_users`)).toEqual([{ user_id: 'u1', scope: 'USER' }]);
    expect(all(db, `SELECT role_key, label, role_type, is_custom FROM roles`)).toEqual([
      { role_key: 'cr1', label: 'cr1', role_type: 'CUSTOM', is_custom: 1 },
    ]);
    expect(all(db, `SELECT principal_id, assignment_id, role_key FROM role_assignments`)).toEqual([
      { principal_id: 'u1', assignment_id: 'cr1', role_key: 'cr1' },
    ]);
    expect(all(db, `SELECT id, factor_type FROM factors`)).toEqual([{ id: 'f1', factor_type: 'unknown' }]);
  });

  it('stores a group member who is not an object as nothing, and an unlisted member with fallbacks', () => {
    const { db, warnings } = writePages([
      { kind: 'groupMembers', groupId: 'g1', items: [null, { id: 'u9', status: 'ACTIVE', profile: {} }] },
    ]);
    expect(all(db, `SELECT id, login FROM users`)).toEqual([{ id: 'u9', login: 'u9' }]);
    expect(all(db, `SELECT group_id, user_id FROM group_members`)).toEqual([{ group_id: 'g1', user_id: 'u9' }]);
    expect(warnings.map((w) => w.subject)).toEqual(['group members', 'user profile.login']);
  });
});
