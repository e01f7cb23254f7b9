// Opens the SQLite cache (WAL, foreign keys) and brings its schema up to date with forward-only migrations.
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, ensurePrivateFolder, tightenFileIfPresent, type NoticeSink } from '../files/privateModes';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  /** The folder is the app's own data folder: tighten it to 0700 if it is looser (never a folder the user named). */
  ownsFolder?: boolean;
  /** Told when a looser file or folder was tightened, so the caller can say so (CLI: "note: …" on stderr). */
  onNotice?: NoticeSink;
}

/** SQLite's companions of the database file; they hold the same data, so they get the same mode. */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const { migrations = MIGRATIONS } = options;
  if (file !== ':memory:') makeCacheFilesPrivate(file, options);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DatabaseError(
      `cannot open the cache database ${file}: ${(error as Error).message}. Check the path and its ` +
        `permissions, or pass another --db FILE.`,
    );
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
    throw new DatabaseError(
      `cannot use ${file} as the Okta Prep cache: ${(error as Error).message}. If this is not an Okta Prep ` +
        `database, pass another --db FILE.`,
    );
  }
  return db;
}

/**
 * The folder is created 0700 and the database file 0600 before SQLite opens it: SQLite gives -wal and -shm the mode of
 * the database file, so they are born 0600 too. Files left looser by an older version or another tool are tightened.
 */
function makeCacheFilesPrivate(file: string, options: OpenDatabaseOptions): void {
  try {
    ensurePrivateFolder(path.dirname(file), { tightenExisting: options.ownsFolder, onNotice: options.onNotice });
    ensurePrivateFile(file, { onNotice: options.onNotice });
    for (const suffix of COMPANION_SUFFIXES) tightenFileIfPresent(`${file}${suffix}`, { onNotice: options.onNotice });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseError(
      `cannot create or protect the cache database ${file} (${code}). Check the path and its permissions, or ` +
        `pass another --db FILE.`,
    );
  }
}

/** Runs every migration above the database's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseError(
      `the cache database has schema version ${current}, newer than this Okta Prep understands (${latest}). ` +
        `Update Okta Prep or use another --db FILE.`,
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
