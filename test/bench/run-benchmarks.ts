// `npm run bench`: runs the benchmarks (not tests: they measure, they do not pass or fail) and prints the figures,
// each as a ratio against a reference measured in the same run; results are also written to bench-results/.
import fs from 'node:fs';
import path from 'node:path';
import { buildCli } from '../helpers/buildCli';
import { runBrowseAndExportBench } from './browseAndExportBench';
import { runBrowseQueriesBench } from './browseQueriesBench';
import { runHeaderlessPullBench } from './headerlessPullBench';
import { runPullEngineBench } from './pullEngineBench';
import { runProfileAttributesBench } from './profileAttributesBench';
import { runPullMemoryBench } from './pullMemoryBench';
import { runIncrementalBench } from './incrementalBench';
import { runUiRelationsBench } from './uiRelationsBench';
import { runUploadValidateBench } from './uploadValidateBench';
import { runRepeatingNextBench } from './repeatingNextBench';
import { runAuditBench } from './auditBench';
import { runDiffBench } from './diffBench';
import { runExportBench } from './exportBench';
import { runSnapshotDeleteBench } from './snapshotDeleteBench';
import { runValidationBench10M, runValidationBench1M } from './validationBench';

const benches: Record<string, () => Promise<Record<string, number | string>>> = {
  'pull engine on rate-limited Okta (10,000 users / 1,000 groups / 200 apps)': runPullEngineBench,
  'pull without rate-limit headers (stripped by a proxy)': runHeaderlessPullBench,
  'incremental re-pull after 1% of users and groups changed': runIncrementalBench,
  'pull memory (100,000 users)': runPullMemoryBench,
  'browse and export a 1,000,000-relation snapshot': runBrowseAndExportBench,
  'relations tab of a 1,000,000-relation snapshot in the UI': runUiRelationsBench,
  'browse queries in the worker: 1,000,000 relations': () => runBrowseQueriesBench(1_000_000),
  'browse queries in the worker: 10,000,000 relations': () => runBrowseQueriesBench(10_000_000),
  'upload and validate a 100 MB CSV pair in the browser build': runUploadValidateBench,
  'pull against a users listing whose next link repeats': runRepeatingNextBench,
  'offline audit of a 100,000-user snapshot (findings, effective access)': runAuditBench,
  'diff two 100,000-user snapshots differing in 1% of users and memberships': runDiffBench,
  'delete one of two 100,000-user snapshots and give its space back': runSnapshotDeleteBench,
  'okta-prep export vs sqlite3 -csv: 100,000 users, 1,000,000 relations': () => runExportBench(1_000_000),
  'okta-prep export vs sqlite3 -csv: 100,000 users, 10,000,000 relations': () => runExportBench(10_000_000),
  'profile attributes of a 100,000-user snapshot for the Export screen': runProfileAttributesBench,
  'validation vs papaparse parse-only: 100,000 entities + 1,000,000 relations': runValidationBench1M,
  'validation vs papaparse parse-only: 100,000 entities + 10,000,000 relations': runValidationBench10M,
};

buildCli(); // benches that start okta-prep as a process run this build
const only = process.argv[2];
const results: Record<string, unknown> = {};
for (const [name, run] of Object.entries(benches)) {
  if (only && !name.includes(only)) continue;
  console.log(`\n== ${name}`);
  const figures = await run();
  for (const [label, value] of Object.entries(figures)) console.log(`  ${label.padEnd(52)} ${value}`);
  results[name] = figures;
}
fs.mkdirSync('bench-results', { recursive: true });
const file = path.join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nwritten to ${file}`);
