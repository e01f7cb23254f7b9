// Benchmark: the whole `okta-prep export` command (a process, under GNU time) on snapshots of 100,000 users with about
// 1,000,000 and 10,000,000 relations of every kind: wall time, peak RSS and the longest stall of its main event loop.
// Reference in the same run: the sqlite3 command writing the same rows and cells as CSV (`sqlite3 -csv`) from tables
// loaded beforehand with the exported files, so the ratio says what the export costs beyond writing the bytes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { buildSyntheticSnapshot } from './syntheticSnapshot';
import { runUnderGnuTime } from './underGnuTime';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'okta-prep.mjs');
const USERS = 100_000;
/** Bump when the synthetic snapshot changes, so a cached database of the old shape is not reused. */
const SNAPSHOT_SHAPE = 1;

/**
 * The database of a synthetic snapshot with `relations` memberships (plus the other kinds), built once and kept in the
 * system temp folder between runs: the 10,000,000-relation one takes minutes to build.
 */
function cachedSnapshotDb(relations: number): string {
  const file = path.join(os.tmpdir(), `okta-prep-export-bench-v${SNAPSHOT_SHAPE}-${USERS}u-${relations}r.sqlite`);
  if (fs.existsSync(file)) return file;
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  const db = openDatabase(building);
  const groups = relations >= 10_000_000 ? 10_000 : 2_000;
  buildSyntheticSnapshot(db, { users: USERS, groups, memberships: relations, apps: 50, everyKind: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${building}${suffix}`, { force: true });
  fs.renameSync(building, file);
  return file;
}

/** Loads the exported files into tables of their cells (header row = column names) of a new database. */
function loadCellsIntoTables(refDb: string, files: { entities: string; relations: string }): void {
  const result = spawnSync(
    'sqlite3',
    [refDb, `.import --csv ${files.entities} entities`, `.import --csv ${files.relations} relations`],
    { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
}

/** `sqlite3 -csv` writing every row of `table` to `outFile`, under GNU time. */
async function sqliteWrites(refDb: string, table: string, outFile: string) {
  return runUnderGnuTime('sh', ['-c', `sqlite3 -csv "$0" "SELECT * FROM ${table}" > "$1"`, refDb, outFile]);
}

export async function runExportBench(relations: number): Promise<Record<string, number | string>> {
  const dbFile = cachedSnapshotDb(relations);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-export-bench-'));
  try {
    const outDir = path.join(dir, 'bundle');
    const args = [BIN, 'export', '--db', dbFile, '--out', outDir, '--json'];
    const ours = await runUnderGnuTime(process.execPath, args, [0], { OKTA_PREP_REPORT_LOOP_DELAY: '1' });
    const stall = /longest main-loop stall: ([\d.]+) ms/.exec(ours.stderr);
    if (!stall) throw new Error(`the export did not report its main-loop stall: ${ours.stderr.slice(-300)}`);
    const { manifest } = JSON.parse(ours.stdout) as { manifest: { files: Record<string, { rows: number }[]> } };
    const files = { entities: path.join(outDir, 'entities.csv'), relations: path.join(outDir, 'entity-relations.csv') };
    const refDb = path.join(dir, 'reference.sqlite');
    loadCellsIntoTables(refDb, files);
    const refEntities = await sqliteWrites(refDb, 'entities', path.join(dir, 'ref-entities.csv'));
    const refRelations = await sqliteWrites(refDb, 'relations', path.join(dir, 'ref-relations.csv'));
    const reference = refEntities.seconds + refRelations.seconds;
    const mb = (file: string) => +(fs.statSync(file).size / 1e6).toFixed(1);
    return {
      command: `node bin/okta-prep.mjs export --db ${path.basename(dbFile)} --out DIR --json`,
      'entity rows': manifest.files.entities![0]!.rows,
      'relation rows': manifest.files.relations![0]!.rows,
      'export (s)': ours.seconds,
      'sqlite3 -csv, same cells, both files (s)': +reference.toFixed(2),
      'export ÷ sqlite3 -csv (target ≤ 2.0)': +(ours.seconds / reference).toFixed(2),
      'export peak RSS (MB, target ≤ 250)': +ours.rssMb.toFixed(0),
      'sqlite3 peak RSS (MB)': +Math.max(refEntities.rssMb, refRelations.rssMb).toFixed(0),
      'longest main-loop stall (ms, target ≤ 100)': Number(stall[1]),
      'bytes written: ours ÷ sqlite3 (MB)':
        `${mb(files.entities) + mb(files.relations)} ÷ ` +
        `${mb(path.join(dir, 'ref-entities.csv')) + mb(path.join(dir, 'ref-relations.csv'))}`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
