// Opens a portable snapshot file read-only, without migrating it: checks it is whole (quick_check), was not written by
// a newer schema, and holds the snapshot its marker names. Never writes to it. A file from an older Okta Prep is
// read through a private copy brought up to this schema (the file itself stays as it is).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PRIVATE_FILE_MODE } from '../../files/privateModes';
import { MIGRATIONS, type Migration } from '../migrations/index';
import { migrate, type Db } from '../openDatabase';
import { fileKind, PORTABLE_FORMAT_VERSION, PortableSnapshotError, type PortableSnapshotInfo } from './portableFormat';

interface MarkerRow {
  format_version: number;
  app_version: string;
  schema_version: number;
  snapshot_id: number;
  org_url: string;
  exported_at: string;
}

export function openPortableSnapshot(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): { db: Db; info: PortableSnapshotInfo } {
  const latestSchema = migrations.at(-1)!.version;
  const kind = fileKind(file);
  if (kind === 'missing') throw new PortableSnapshotError(`there is no file ${file}`);
  if (kind === 'unreadable')
    throw new PortableSnapshotError(`cannot read ${file}: check that it is a file and that you may read it`);
  if (kind !== 'portable')
    throw new PortableSnapshotError(
      `${file} is not an Okta Prep snapshot file (one written by "okta-prep snapshot export")`,
    );
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const info = checkPortable(db, file, latestSchema);
    if (info.schemaVersion === latestSchema) return { db, info };
    db.close();
    db = undefined;
    return { db: openUpgradedCopy(file, migrations), info };
  } catch (error) {
    db?.close();
    if (error instanceof PortableSnapshotError) throw error;
    throw damaged(file, (error as Error).message);
  }
}

function checkPortable(db: Db, file: string, latestSchema: number): PortableSnapshotInfo {
  const schema = db.pragma('user_version', { simple: true }) as number;
  if (schema > latestSchema) throw newer(file, `schema ${schema} > ${latestSchema}`);
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.join() !== 'ok') throw damaged(file, problems.slice(0, 3).join('; '));
  const markers = db.prepare(`SELECT * FROM portable_snapshot`).all() as MarkerRow[];
  if (markers.length !== 1) throw damaged(file, `${markers.length} format markers instead of one`);
  const marker = markers[0]!;
  if (marker.format_version > PORTABLE_FORMAT_VERSION)
    throw newer(file, `snapshot file format ${marker.format_version} > ${PORTABLE_FORMAT_VERSION}`);
  if (marker.schema_version !== schema) throw damaged(file, `its marker says schema ${marker.schema_version}`);
  const ids = db.prepare(`SELECT id FROM snapshots`).pluck().all() as number[];
  if (ids.length !== 1 || ids[0] !== marker.snapshot_id)
    throw damaged(file, `it should hold snapshot ${marker.snapshot_id} alone`);
  return {
    file,
    appVersion: marker.app_version,
    schemaVersion: marker.schema_version,
    snapshotId: marker.snapshot_id,
    orgUrl: marker.org_url,
    exportedAt: marker.exported_at,
  };
}

/**
 * An older file lacks columns this version reads, and the file itself must not change: a copy in a private temp
 * folder is migrated and opened read-only. On POSIX the copy is unlinked at once (the open handle keeps it readable
 * and nothing is left behind); elsewhere it is removed when the process exits.
 */
function openUpgradedCopy(file: string, migrations: readonly Migration[]): Db {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-snapshot-')); // 0700
  const copy = path.join(folder, 'snapshot.sqlite');
  try {
    fs.copyFileSync(file, copy);
    fs.chmodSync(copy, PRIVATE_FILE_MODE);
    const writable = new Database(copy);
    try {
      migrate(writable, migrations);
    } finally {
      writable.close();
    }
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    if (process.platform === 'win32') process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
    else fs.rmSync(folder, { recursive: true, force: true });
    return db;
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

function newer(file: string, what: string): PortableSnapshotError {
  return new PortableSnapshotError(`${file} was made by a newer Okta Prep (${what}): update the app to open it`);
}

function damaged(file: string, reason: string): PortableSnapshotError {
  return new PortableSnapshotError(
    `${file} is damaged and cannot be opened (${reason}); nothing was changed: copy it again from the machine ` +
      `that exported it`,
  );
}
