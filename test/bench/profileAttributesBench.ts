// Benchmark: the Export screen's profile attributes of a 100,000-user snapshot (every user with 24 profile keys):
// the longest stall of the service's event loop while the service reads them (in a worker), and the time of a second
// ask (kept per snapshot). Reference in the same run: the same read on this thread, as a naive implementation would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { listProfileAttributes } from '../../electron/core/export/profileAttributes';
import { profileAttributeReader } from '../../electron/core/service/handlers/profileAttributeReader';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from './syntheticSnapshot';

const EXTRA_KEYS = 20;

async function measured<T>(run: () => Promise<T> | T): Promise<{ ms: number; stallMs: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20)); // lets the histogram see the last stall
  histogram.disable();
  return { ms, stallMs: histogram.max / 1e6, value };
}

export async function runProfileAttributesBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-bench-attributes-'));
  try {
    const dbPath = path.join(dir, 'bench.sqlite');
    const db = openDatabase(dbPath);
    const snapshotId = buildSyntheticSnapshot(db, { users: 100_000, groups: 200, memberships: 100_000, apps: 5 });
    const extra = Array.from({ length: EXTRA_KEYS }, (_, k) => `'custom${k}', 'value ' || rowid`).join(', ');
    db.prepare(
      `UPDATE users SET raw = json_set(raw, '$.profile', json_patch(raw -> '$.profile', json_object(${extra})))
        WHERE snapshot_id = ?`,
    ).run(snapshotId);
    const reader = profileAttributeReader(db, dbPath);
    const idle = await measured(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    const inWorker = await measured(() => reader.read(snapshotId));
    const again = await measured(() => reader.read(snapshotId));
    const inline = await measured(() => listProfileAttributes(db, snapshotId));
    if (inWorker.value.length !== inline.value.length) throw new Error('the worker and the inline read differ');
    db.close();
    return {
      users: 100_000,
      'profile keys found': inline.value.length,
      'idle event-loop stall (ms)': Math.round(idle.stallMs),
      'read in the worker: total (ms)': Math.round(inWorker.ms),
      'read in the worker: longest stall (ms)': Math.round(inWorker.stallMs),
      'asked again (kept): total (ms)': Number(again.ms.toFixed(2)),
      'reference, read inline: total = stall (ms)': Math.round(inline.ms),
      'stall ratio worker / inline': Number((inWorker.stallMs / inline.ms).toFixed(3)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
