// The cache is private on POSIX: its folder 0700, the database and its -wal/-shm 0600, and looser ones are tightened
// with a notice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

function openCollectingNotices(file: string, ownsFolder: boolean) {
  const notices: string[] = [];
  const db = openDatabase(file, { ownsFolder, onNotice: (notice) => notices.push(notice) });
  return { db, notices };
}

describe('cache file permissions', () => {
  it('creates missing folders 0700 and the database, -wal and -shm 0600, with nothing to tell', () => {
    const root = tempDir();
    const file = path.join(root, 'Okta Prep', 'cache', 'okta-prep.sqlite');
    const { db, notices } = openCollectingNotices(file, true);
    db.exec(
      `INSERT INTO snapshots (org_url, started_at, status, app_version) ` +
        `VALUES ('https://acme.okta.com', '2026-01-01', 'running', 'test')`,
    );
    expect(modeOf(path.join(root, 'Okta Prep'))).toBe(0o700);
    expect(modeOf(path.join(root, 'Okta Prep', 'cache'))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(`${file}-wal`)).toBe(0o600); // exist while the database is open in WAL mode
    expect(modeOf(`${file}-shm`)).toBe(0o600);
    expect(notices).toEqual([]);
    db.close();
  });

  it('tightens its own 0755 folder and a 0644 database and -wal, and says so for each', () => {
    const folder = path.join(tempDir(), 'Okta Prep');
    const file = path.join(folder, 'okta-prep.sqlite');
    openDatabase(file).close();
    fs.writeFileSync(`${file}-wal`, ''); // an empty WAL left behind, as loose as an older version made it
    fs.chmodSync(`${file}-wal`, 0o644);
    fs.chmodSync(file, 0o644);
    fs.chmodSync(folder, 0o755);
    const { db, notices } = openCollectingNotices(file, true);
    db.close();
    expect(modeOf(folder)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(notices).toEqual([
      `tightened the permissions of the folder ${folder} from 0755 to 0700: it holds Okta data that other ` +
        `users of this computer must not read`,
      `tightened the permissions of the file ${file} from 0644 to 0600: it holds Okta data that other users ` +
        `of this computer must not read`,
      `tightened the permissions of the file ${file}-wal from 0644 to 0600: it holds Okta data that other ` +
        `users of this computer must not read`,
    ]);
  });

  it('never changes a folder the user named (--db), only the database file in it', () => {
    const folder = tempDir();
    fs.chmodSync(folder, 0o755);
    const file = path.join(folder, 'mine.sqlite');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o664);
    const { db, notices } = openCollectingNotices(file, false);
    db.close();
    expect(modeOf(folder)).toBe(0o755);
    expect(modeOf(file)).toBe(0o600);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`the file ${file} from 0664 to 0600`);
  });

  it('leaves an owner-only mode the user chose (0400 is not loosened to 0600)', () => {
    const folder = tempDir();
    const file = path.join(folder, 'cache.sqlite');
    openDatabase(file).close();
    fs.chmodSync(file, 0o400);
    fs.chmodSync(folder, 0o700);
    const { db, notices } = openCollectingNotices(file, true);
    db.close();
    expect(modeOf(file)).toBe(0o400);
    expect(notices).toEqual([]);
  });
});
