// Opens the SQLite cache (WAL, foreign keys) and brings its schema up to date with forward-only migrations.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DatabaseError(`cannot open the cache database ${file}: ${(error as Error).message}. Check the path and its permissions, or pass another --db FILE.`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // WAL + NORMAL: durable at checkpoint, never corrupt
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -16384'); // 16 MiB page cache: enough for batched pulls, and the pull stays under 300 MB
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(`cannot use ${file} as the Okta Prep cache: ${(error as Error).message}. If this is not an Okta Prep database, pass another --db FILE.`);
  }
  return db;
}

/** Runs every migration above the database's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseError(
      `the cache database has schema version ${current}, newer than this Okta Prep understands (${latest}). Update Okta Prep or use another --db FILE.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
