// Migrations: a fresh file reaches the latest schema, re-opening is a no-op, and a newer schema is refused clearly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { DatabaseError, openDatabase } from '../../../electron/core/store/openDatabase';

const dirs: string[] = [];
function tempDbPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-db-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'cache.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys and every table at the latest version', () => {
    const file = tempDbPath();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'snapshots',
        'pull_tasks',
        'snapshot_gaps',
        'users',
        'groups',
        'group_members',
        'apps',
        'app_users',
        'app_groups',
        'roles',
        'role_assignments',
        'factors',
      ]),
    );
    db.close();
  });

  it('runs each migration once: re-opening keeps data', () => {
    const file = tempDbPath();
    const first = openDatabase(file);
    first
      .prepare(
        `INSERT INTO snapshots (org_url, status, started_at, app_version) ` +
          `VALUES ('https://a.okta.com', 'complete', 'now', '1')`,
      )
      .run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare(`SELECT count(*) FROM snapshots`).pluck().get()).toBe(1);
    second.close();
  });

  it('applies only the migrations above the stored version', () => {
    const file = tempDbPath();
    openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const extra = {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: 'test column',
      sql: `ALTER TABLE snapshots ADD COLUMN note TEXT;`,
    };
    const db = openDatabase(file, { migrations: [...MIGRATIONS, extra] });
    expect(db.pragma('user_version', { simple: true })).toBe(extra.version);
    expect(db.prepare(`SELECT name FROM pragma_table_info('snapshots') WHERE name = 'note'`).pluck().get()).toBe(
      'note',
    );
    db.close();
  });

  it('rolls a failing migration back and leaves the version unchanged', () => {
    const file = tempDbPath();
    openDatabase(file).close();
    const broken = {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: 'broken',
      sql: `CREATE TABLE t (x); INSERT INTO nope VALUES (1);`,
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow(DatabaseError);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 't'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database from a newer Okta Prep', () => {
    const file = tempDbPath();
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this Okta Prep/);
  });

  it('refuses a file that is not a database with a clear message', () => {
    const file = tempDbPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openDatabase(file)).toThrow(/not an Okta Prep database|cannot/);
  });
});
