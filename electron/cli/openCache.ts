// Opens the cache database named by --db, or the default one in the user's data folder.
import { defaultDatabasePath } from '../core/appInfo';
import { DatabaseError, openDatabase, type Db } from '../core/store/openDatabase';
import type { CliValues } from './cliArgs';
import { EXIT, CliError } from './cliErrors';

export function openCache(values: CliValues, env: NodeJS.ProcessEnv): Db {
  const file = values.db ?? defaultDatabasePath(env);
  try {
    return openDatabase(file);
  } catch (error) {
    if (error instanceof DatabaseError) throw new CliError(error.message, EXIT.local);
    throw error;
  }
}

