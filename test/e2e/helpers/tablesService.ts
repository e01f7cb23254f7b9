// A service of its own for the tables spec, over a cache holding a small snapshot with every relation kind and one of
// two million relations (generated straight into SQLite), and a read-only view of that cache for checking the screens
// against the rows themselves.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from '../../bench/syntheticSnapshot';
import { E2E_DIR } from './e2eEnvironment';
import { startOktaPrep, stopProcess, type StartedProcess } from './oktaPrepProcess';

export interface TablesService {
  appUrl: string;
  origin: string;
  small: number;
  large: number;
  /** The cache, read-only, for the expected rows. */
  db: Database.Database;
  stop: () => Promise<void>;
}

export async function startTablesService(): Promise<TablesService> {
  const file = path.join(E2E_DIR, 'tables.sqlite');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  const writer = openDatabase(file);
  const small = buildSyntheticSnapshot(writer, { users: 400, groups: 24, memberships: 2000, apps: 8, everyKind: true });
  const large = buildSyntheticSnapshot(writer, { users: 100_000, groups: 4000, memberships: 2_000_000, apps: 50 });
  writer.close();
  const service: StartedProcess<{ url: string; origin: string }> = await startOktaPrep(
    ['serve', '--db', file, '--port', '0', '--static', path.join(E2E_DIR, '..', '..', 'dist', 'renderer'), '--json'],
    'tables-serve',
  );
  const db = new Database(file, { readonly: true });
  return {
    appUrl: service.info.url,
    origin: service.info.origin,
    small,
    large,
    db,
    stop: async () => {
      db.close();
      await stopProcess(service.child);
    },
  };
}
