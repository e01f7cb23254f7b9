// Labelling and deleting snapshots in a real cache file: a label survives re-opening, deleting removes every row of
// the snapshot and gives the space back to the disk (page count and file size), and what is in use is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SswsTokenAuth } from '../../../electron/core/okta/auth';
import { OktaClient } from '../../../electron/core/okta/oktaClient';
import { pullOrg } from '../../../electron/core/pull/pullOrg';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openDatabase, type Db } from '../../../electron/core/store/openDatabase';
import { countSnapshotObjects } from '../../../electron/core/store/snapshotCounts';
import { deleteSnapshot, labelSnapshot } from '../../../electron/core/store/snapshotRemoval';
import { createSnapshot, getSnapshot, listSnapshots } from '../../../electron/core/store/snapshots';
import { insertOldSnapshotRow } from '../../helpers/oldSnapshotRow';
import { pullFakeOrg, type PulledFakeOrg } from '../../helpers/pullFakeOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let pulled: PulledFakeOrg;
let secondId: number;

beforeAll(async () => {
  pulled = await pullFakeOrg(tempDir(), { seed: 'removal', users: 1500, groups: 60, apps: 15 });
  const client = new OktaClient({ orgUrl: pulled.server.url, auth: new SswsTokenAuth('token-removal') });
  ({ snapshotId: secondId } = await pullOrg({ db: pulled.db, client, includeFactors: false, appVersion: 'test' }));
});
afterAll(async () => {
  pulled?.db.close();
  await pulled?.server.close();
});

const fileBytes = (db: Db) =>
  fs.statSync(db.name).size + (fs.statSync(`${db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0);

describe('snapshot labels', () => {
  it('sets, tidies and clears a label, and keeps it when the cache is opened again', () => {
    expect(getSnapshot(pulled.db, pulled.snapshotId)!.label).toBeNull();
    expect(labelSnapshot(pulled.db, pulled.snapshotId, '  Acme\n before clean-up ').label).toBe('Acme before clean-up');
    const again = openDatabase(pulled.db.name);
    expect(getSnapshot(again, pulled.snapshotId)!.label).toBe('Acme before clean-up');
    again.close();
    expect(labelSnapshot(pulled.db, pulled.snapshotId, '   ').label).toBeNull();
    expect(() => labelSnapshot(pulled.db, 999, 'x')).toThrow(/there is no snapshot 999/);
    expect(() => labelSnapshot(pulled.db, pulled.snapshotId, 'x'.repeat(201))).toThrow(/at most 200 characters/);
  });

  it('reads a snapshot from before migration 9 as unlabelled, and can label it after the upgrade', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((migration) => migration.version < 9) });
    const id = insertOldSnapshotRow(before, 'complete');
    before.close();
    const db = openDatabase(file);
    expect(getSnapshot(db, id)!.label).toBeNull();
    expect(labelSnapshot(db, id, 'old one').label).toBe('old one');
    db.close();
  });
});

describe('deleting a snapshot', () => {
  it('removes every row of it, leaves the other snapshot whole, and shrinks the file', () => {
    const { db } = pulled;
    const keptCounts = countSnapshotObjects(db, secondId);
    const bytesBefore = fileBytes(db);
    const result = deleteSnapshot(db, pulled.snapshotId, { vacuum: true });

    expect(getSnapshot(db, pulled.snapshotId)).toBeUndefined();
    const tables = db
      .prepare(
        `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c ON c.name = 'snapshot_id'
         WHERE m.type = 'table'`,
      )
      .pluck()
      .all() as string[];
    expect(tables.length).toBeGreaterThanOrEqual(14);
    for (const table of tables)
      expect(db.prepare(`SELECT count(*) FROM "${table}" WHERE snapshot_id = ?`).pluck().get(pulled.snapshotId)).toBe(
        0,
      );
    expect(countSnapshotObjects(db, secondId)).toEqual(keptCounts);

    // Two equal snapshots: deleting one gives back about half of the pages, and the file on disk shrinks with them.
    expect(result.vacuumed).toBe(true);
    expect(result.pagesAfter).toBeLessThan(result.pagesBefore * 0.7);
    expect(db.pragma('page_count', { simple: true })).toBe(result.pagesAfter);
    expect(fileBytes(db)).toBeLessThan(bytesBefore * 0.7);
    expect(result.freedBytes).toBe(bytesBefore - fileBytes(db));
  });

  it('without VACUUM frees the pages inside the file (the freelist) instead', () => {
    const db = pulled.db;
    const extra = createSnapshot(db, { orgUrl: 'https://x.okta.com', includeFactors: false, appVersion: 'test' });
    const insert = db.prepare(
      `INSERT INTO relation_rows (snapshot_id, seq, kind, parent_type, parent_id, child_type, child_id)
       VALUES (?, ?, 'member', 'group', 'g', 'user', ?)`,
    );
    db.transaction(() => {
      for (let seq = 1; seq <= 20_000; seq++) insert.run(extra, seq, `user-${seq}`);
    })();
    db.prepare(`UPDATE snapshots SET status = 'failed' WHERE id = ?`).run(extra);
    const result = deleteSnapshot(db, extra, { vacuum: false });
    expect(result).toMatchObject({ vacuumed: false });
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(50);
  });

  it('refuses a snapshot a live pull is writing, and the base of an unfinished quick refresh', () => {
    const db = pulled.db;
    const running = createSnapshot(db, { orgUrl: 'https://x.okta.com', includeFactors: false, appVersion: 'test' });
    db.prepare(`UPDATE snapshots SET runner = ? WHERE id = ?`).run(`${os.hostname()}:${process.pid}`, running);
    expect(() => deleteSnapshot(db, running, { vacuum: true })).toThrow(/being pulled right now: cancel the pull/);
    db.prepare(`UPDATE snapshots SET status = 'cancelled' WHERE id = ?`).run(running);

    const refresh = createSnapshot(db, {
      orgUrl: pulled.server.url,
      includeFactors: false,
      appVersion: 'test',
      baseSnapshotId: secondId,
    });
    db.prepare(`UPDATE snapshots SET status = 'failed' WHERE id = ?`).run(refresh);
    expect(() => deleteSnapshot(db, secondId, { vacuum: true })).toThrow(
      new RegExp(`base of the unfinished quick refresh ${refresh}`),
    );
    expect(() => deleteSnapshot(db, 12345, { vacuum: true })).toThrow(/there is no snapshot 12345/);
    expect(listSnapshots(db).map((snapshot) => snapshot.id)).toEqual(
      expect.arrayContaining([secondId, running, refresh]),
    );
  });
});
