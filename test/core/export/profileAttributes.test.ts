// The profile attributes a snapshot offers the Export screen: every key some user holds as a value an export writes
// (text, a number, true/false), with how many users hold it; odd names as they are; nulls, lists, objects and empty
// text left out, since choosing them would write nothing.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/export/exportBundle';
import { listProfileAttributes } from '../../../electron/core/export/profileAttributes';
import { openDatabase, type Db } from '../../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from '../../bench/syntheticSnapshot';
import { readBundle } from '../../helpers/readBundle';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let db: Db;
let snapshotId: number;

/** Sets keys of user i's profile to values given as JSON text (so null, lists and objects go in as such). */
function setProfile(i: number, values: Record<string, string>): void {
  const id = `00u${String(i).padStart(17, '0')}`;
  const read = db.prepare(`SELECT raw FROM users WHERE snapshot_id = ? AND id = ?`).pluck();
  const user = JSON.parse(read.get(snapshotId, id) as string) as { profile: Record<string, unknown> };
  for (const [name, json] of Object.entries(values))
    // defineProperty: `__proto__` is an ordinary key here, as in Okta's JSON, not the prototype.
    Object.defineProperty(user.profile, name, { value: JSON.parse(json), enumerable: true });
  db.prepare(`UPDATE users SET raw = ? WHERE snapshot_id = ? AND id = ?`).run(JSON.stringify(user), snapshotId, id);
}

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'attributes.sqlite'));
  snapshotId = buildSyntheticSnapshot(db, { users: 20, groups: 3, memberships: 20, apps: 1 });
  // A computed key: `__proto__: …` in an object literal would set the prototype, not a key.
  for (let i = 0; i < 3; i++) setProfile(i, { 'cost,center': '"CC-1"', constructor: '7', ['__proto__']: 'true' });
  setProfile(3, { 'say "hi"': '"hello"', costCenter: 'null', managers: '["a","b"]', address: '{"city":"X"}' });
  setProfile(4, { nickname: '""', 'say "hi"': 'false', Department: '"Sales"' });
});

describe('profile attributes of a snapshot', () => {
  it('lists each key some user holds as a written value, with its users, in code-point order', () => {
    expect(listProfileAttributes(db, snapshotId)).toEqual([
      { name: 'Department', users: 1 },
      { name: '__proto__', users: 3 },
      { name: 'constructor', users: 3 },
      { name: 'cost,center', users: 3 },
      { name: 'email', users: 20 },
      { name: 'firstName', users: 20 },
      { name: 'lastName', users: 20 },
      { name: 'login', users: 20 },
      { name: 'say "hi"', users: 2 },
    ]);
  });

  it('offers names the export then writes with the values listed', async () => {
    const names = listProfileAttributes(db, snapshotId).map((attribute) => attribute.name);
    const outDir = path.join(tempDir(), 'bundle');
    await exportBundle({ db, snapshotId, outDir, options: { userAttributes: names }, appVersion: 'test' });
    const metadata = readBundle(outDir)
      .entities.rows.filter((row) => row['Source ID'] === '00u00000000000000003')
      .map((row) => JSON.parse(row.Metadata) as Record<string, unknown>)[0]!;
    expect(metadata['say "hi"']).toBe('hello');
    expect(Object.keys(metadata)).not.toContain('costCenter');
  });

  it('is empty for a snapshot without users', () => {
    const empty = buildSyntheticSnapshot(db, { users: 0, groups: 1, memberships: 0, apps: 1 });
    expect(listProfileAttributes(db, empty)).toEqual([]);
  });
});
