// Opens the cache database named by --db, or the default one in the user's data folder (kept 0700, files 0600).
// A portable snapshot file named with --db is opened read-only (and never changed) for the commands that only read.
import { defaultDatabasePath } from '../core/appInfo';
import { DatabaseError, openDatabase, type Db } from '../core/store/openDatabase';
import { fileKind, PortableSnapshotError } from '../core/store/portable/portableFormat';
import { openPortableSnapshot } from '../core/store/portable/openPortableSnapshot';
import type { CliValues } from './cliArgs';
import { EXIT, CliError } from './cliErrors';
import type { CliEnvironment } from './cliOutput';

/** read: the command only reads (a portable snapshot file may be named with --db); write: it pulls or serves. */
export type CacheAccess = 'read' | 'write';

export function openCache(
  values: CliValues,
  context: Pick<CliEnvironment, 'env' | 'out'>,
  access: CacheAccess = 'write',
): Db {
  const file = values.db ?? defaultDatabasePath(context.env);
  // Looked at before SQLite opens it (and before its mode is touched), from its header bytes alone.
  const kind = fileKind(file);
  if (kind === 'not-sqlite')
    throw new CliError(
      `${file} is neither an Okta Prep cache nor a snapshot file (it is not an SQLite database): ` +
        `pass another --db FILE`,
      EXIT.local,
    );
  if (kind === 'portable') return openPortable(file, access);
  try {
    // Only the default folder is the app's own: a folder named with --db is the user's, and is never chmod-ed.
    return openDatabase(file, {
      ownsFolder: values.db === undefined,
      onNotice: (notice) => context.out.note(`note: ${notice}`),
    });
  } catch (error) {
    if (error instanceof DatabaseError) throw new CliError(error.message, EXIT.local);
    throw error;
  }
}

function openPortable(file: string, access: CacheAccess): Db {
  if (access === 'write')
    throw new CliError(
      `${file} is a portable snapshot file, which Okta Prep only reads: pull into (or serve) a cache instead, ` +
        `with another --db FILE or none`,
      EXIT.usage,
    );
  try {
    return openPortableSnapshot(file).db;
  } catch (error) {
    if (error instanceof PortableSnapshotError) throw new CliError(error.message, EXIT.local);
    throw error;
  }
}
