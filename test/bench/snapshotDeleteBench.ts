// Benchmark: deleting one of two 100,000-user snapshots (~1,000,000 memberships each) from one cache file: the time to
// delete its rows (one transaction) and to give the space back (VACUUM + WAL checkpoint), and the file size before and
// after; against a VACUUM of the same cache before the delete (the reference, measured in the same run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { deleteSnapshot, vacuumUnlessBusy } from '../../electron/core/store/snapshotRemoval';
import { buildSyntheticSnapshot } from './syntheticSnapshot';

const SIZE = { users: 100_000, groups: 2_000, memberships: 1_000_000, apps: 200 };

function cacheBytes(db: Db): number {
  const size = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return size(db.name) + size(`${db.name}-wal`);
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

export async function runSnapshotDeleteBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-delete-bench-'));
  const db = openDatabase(path.join(dir, 'cache.sqlite'));
  try {
    const first = buildSyntheticSnapshot(db, SIZE);
    buildSyntheticSnapshot(db, SIZE);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const reference = timed(() => vacuumUnlessBusy(db));
    const bytesBefore = cacheBytes(db);
    const rows = timed(() => deleteSnapshot(db, first, { vacuum: false }));
    const bytesAfterDelete = cacheBytes(db);
    const vacuum = timed(() => vacuumUnlessBusy(db));
    const bytesAfter = cacheBytes(db);
    return {
      'cache before (MB)': (bytesBefore / 1e6).toFixed(1),
      'cache after the rows are deleted (MB)': (bytesAfterDelete / 1e6).toFixed(1),
      'cache after VACUUM (MB)': (bytesAfter / 1e6).toFixed(1),
      'reference: VACUUM of the two-snapshot cache (s)': (reference.ms / 1000).toFixed(2),
      'delete the rows, one transaction (s)': (rows.ms / 1000).toFixed(2),
      'VACUUM + checkpoint after the delete (s)': (vacuum.ms / 1000).toFixed(2),
      'delete + VACUUM / reference': ((rows.ms + vacuum.ms) / reference.ms).toFixed(2),
      'pages before → after': `${rows.value.pagesBefore} → ${db.pragma('page_count', { simple: true }) as number}`,
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
