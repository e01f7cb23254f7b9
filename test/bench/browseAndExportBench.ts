// Benchmark: a 1,000,000-relation snapshot — time to the first page of the relations table, time to jump to row
// 900,000, and the longest stall of the service's event loop while that snapshot is exported (in the job worker).
// Reference in the same run: the same measurements on a 1,000-relation snapshot, and the export run inline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { exportBundle } from '../../electron/core/export/exportBundle';
import { browsePage } from '../../electron/core/service/browse/browseTables';
import { startJob } from '../../electron/core/service/jobs/startJob';
import { JobRegistry } from '../../electron/core/service/jobs/jobRegistry';
import { createEventHub } from '../../electron/core/service/eventHub';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from './syntheticSnapshot';

function timed<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

async function exportStallMs(run: () => Promise<unknown>): Promise<{ stallMs: number; totalMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  await run();
  histogram.disable();
  return { stallMs: histogram.max / 1e6, totalMs: performance.now() - started };
}

export async function runBrowseAndExportBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-bench-'));
  try {
    const dbPath = path.join(dir, 'bench.sqlite');
    const db = openDatabase(dbPath);
    const build = timed(() =>
      buildSyntheticSnapshot(db, { users: 100_000, groups: 2_000, memberships: 1_000_000, apps: 50 }),
    );
    const small = buildSyntheticSnapshot(db, { users: 200, groups: 20, memberships: 1_000, apps: 5 });
    const big = build.value;
    // A fresh connection, as when the app opens the snapshot: nothing cached yet.
    const firstPage = (snapshotId: number) =>
      timed(() => browsePage(db, { snapshotId, table: 'relations', offset: 0, limit: 200 }));
    const refFirst = firstPage(small);
    const bigFirst = firstPage(big);
    const jumpAgain = timed(() => browsePage(db, { snapshotId: big, table: 'relations', offset: 899_800, limit: 200 }));
    const jump = timed(() => browsePage(db, { snapshotId: big, table: 'relations', offset: 900_000, limit: 200 }));
    if (jump.value.rows[0]?.seq !== 900_000) throw new Error('jump landed on the wrong row');
    const refJump = timed(() => browsePage(db, { snapshotId: small, table: 'relations', offset: 900, limit: 200 }));

    // Baseline: how much this machine stalls an idle event loop anyway (scheduling noise, other processes).
    const idle = await exportStallMs(() => new Promise((resolve) => setTimeout(resolve, 3000)));
    // The service's way: the export runs in a worker thread; the event loop here must stay free.
    const jobs = new JobRegistry(createEventHub());
    const inWorker = await exportStallMs(async () => {
      const job = startJob(
        jobs,
        'export',
        {
          kind: 'export',
          dbPath,
          snapshotId: big,
          outDir: path.join(dir, 'out-worker'),
          options: {},
          appVersion: 'bench',
        },
        big,
      );
      while (jobs.get(job.id)!.status === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
      if (jobs.get(job.id)!.status !== 'complete')
        throw new Error(`export failed: ${jobs.get(job.id)!.error?.message}`);
    });
    // Reference: the same export on this thread, as a naive implementation would do it.
    const inline = await exportStallMs(() =>
      exportBundle({ db, snapshotId: big, outDir: path.join(dir, 'out-inline'), appVersion: 'bench' }),
    );
    const relations = jump.value.total;
    db.close();
    return {
      relations,
      'build synthetic snapshot (s)': +(build.ms / 1000).toFixed(1),
      'relations tab first page (ms)': +bigFirst.ms.toFixed(1),
      'first page ÷ 1,000-relation reference': +(bigFirst.ms / refFirst.ms).toFixed(2),
      'jump to row 900,000 (ms)': +jump.ms.toFixed(1),
      'jump ÷ reference jump': +(jump.ms / refJump.ms).toFixed(2),
      'scroll by one page near row 900,000 (ms)': +jumpAgain.ms.toFixed(1),
      'export in worker: total (s)': +(inWorker.totalMs / 1000).toFixed(1),
      'export in worker: longest event-loop stall (ms)': +inWorker.stallMs.toFixed(1),
      'reference: export inline, longest stall (ms)': +inline.stallMs.toFixed(1),
      'stall ratio worker ÷ inline': +(inWorker.stallMs / inline.stallMs).toFixed(3),
      'idle event loop, longest stall (ms)': +idle.stallMs.toFixed(1),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
