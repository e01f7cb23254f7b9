// Adds a snapshot row as a database from before a migration holds it, for tests of what that migration does to it.
import type { Db } from '../../electron/core/store/openDatabase';

/** Writes only the columns every schema version has, so it works on a database stopped at any migration. */
export function insertOldSnapshotRow(db: Db, status: 'complete' | 'failed'): number {
  const result = db
    .prepare(
      `INSERT INTO snapshots (org_url, status, started_at, include_factors, app_version) ` +
        `VALUES ('https://acme.okta.com', ?, ?, 0, 'old')`,
    )
    .run(status, new Date().toISOString());
  return Number(result.lastInsertRowid);
}
