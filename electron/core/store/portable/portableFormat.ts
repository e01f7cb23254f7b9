// The portable snapshot file: a SQLite database with the cache's schema holding one snapshot, marked as such in its
// header (application_id) and in a one-row table saying which app, schema and snapshot wrote it. Its journal mode is
// DELETE (not WAL), so opening it read-only creates no -wal or -shm file and changes nothing on disk.
import fs from 'node:fs';

/** SQLite's header field application_id (offset 68): "OkPr". Set in every portable file, never in a cache. */
export const PORTABLE_APPLICATION_ID = 0x4f6b5072;
/** The layout of the marker table; a file with a higher number comes from a newer Okta Prep. */
export const PORTABLE_FORMAT_VERSION = 1;
export const PORTABLE_FORMAT_NAME = 'okta-prep portable snapshot';

export const PORTABLE_MARKER_SQL = `
CREATE TABLE portable_snapshot (
  format          TEXT    NOT NULL,
  format_version  INTEGER NOT NULL,
  app_version     TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL, -- the number of migrations of the app that wrote it
  snapshot_id     INTEGER NOT NULL,
  org_url         TEXT    NOT NULL,
  exported_at     TEXT    NOT NULL
);`;

export type { PortableSnapshotInfo } from '../../../../shared/audit/portableSnapshot';

export class PortableSnapshotError extends Error {
  override name = 'PortableSnapshotError';
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * What a file is, from its first 100 bytes only (no SQLite connection, so nothing can be written): missing,
 * unreadable (a folder, no permission), empty (SQLite makes a new database of it), a portable snapshot, another SQLite
 * database (a cache), or not SQLite at all.
 */
export function fileKind(file: string): 'missing' | 'unreadable' | 'empty' | 'portable' | 'sqlite' | 'not-sqlite' {
  let header: Buffer;
  try {
    const handle = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(HEADER_BYTES);
      header = header.subarray(0, fs.readSync(handle, header, 0, HEADER_BYTES, 0));
    } finally {
      fs.closeSync(handle);
    }
  } catch (error) {
    // A folder, no permission: the caller's own open says what is wrong in its words.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (header.length === 0) return 'empty';
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC))
    return 'not-sqlite';
  return header.readUInt32BE(68) === PORTABLE_APPLICATION_ID ? 'portable' : 'sqlite';
}
