// Opens the cache database named by --db, or the default one in the user's data folder (kept 0700, files 0600).
import { defaultDatabasePath } from '../core/appInfo';
import { DatabaseError, openDatabase, type Db } from '../core/store/openDatabase';
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
  void access;
  const file = values.db ?? defaultDatabasePath(context.env);
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
