// Migration 6: a cache from before it opens with the pages-followed table and a request estimate column; an old
// snapshot has no estimate (a resume of it reads Okta's counts again) and no pages followed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { followedPages } from '../../../electron/core/store/listingPages';
import { storedRequestEstimate } from '../../../electron/core/pull/requestCap';
import { getSnapshot } from '../../../electron/core/store/snapshots';
import { insertOldSnapshotRow } from '../../helpers/oldSnapshotRow';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('migration 006 (listing pages and request estimate)', () => {
  it('keeps an older snapshot readable, without an estimate or pages, and stores new ones', () => {
    const file = path.join(tempDir(), 'cache.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((migration) => migration.version < 6) });
    const id = insertOldSnapshotRow(before, 'failed');
    before.close();

    const db = openDatabase(file);
    expect(getSnapshot(db, id)!.status).toBe('failed');
    expect(storedRequestEstimate(db, id)).toBeUndefined();
    expect(followedPages(db, id, 'users')).toEqual([]);
    db.prepare(
      `INSERT INTO pull_listing_pages (snapshot_id, task_key, link, items_key) VALUES (?, 'users', ` +
        `'/api/v1/users?limit=200', 'abc')`,
    ).run(id);
    expect(followedPages(db, id, 'users')).toEqual([{ link: '/api/v1/users?limit=200', itemsKey: 'abc' }]);
    db.prepare(`DELETE FROM snapshots WHERE id = ?`).run(id);
    expect(followedPages(db, id, 'users')).toEqual([]); // pages go with their snapshot
    db.close();
  });
});
