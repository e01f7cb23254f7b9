// The export checks its files from the bytes it writes, in a worker, instead of reading them back: its report must be
// the one the validator gives reading the published files from disk — every finding with its file, part and line —
// for split and unsplit files, both formats, errors and warnings in either file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE_NAMES, invalidNameOf } from '../../../shared/balkanid/bundleFileNames';
import type { ValidationReport } from '../../../shared/balkanid/findings';
import { validateCsvSources, type ValidationSources } from '../../../electron/core/balkanid/validator/index';
import { exportBundle, type ExportBundleResult } from '../../../electron/core/export/exportBundle';
import type { ExportOptionsInput } from '../../../electron/core/export/exportOptions';
import type { FakeOktaServer } from '../../../electron/core/fake-okta/server';
import type { Db } from '../../../electron/core/store/openDatabase';
import { pullFakeOrg } from '../../helpers/pullFakeOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const LIKE_A_TIMESTAMP = '2024-01-02T03:04:05Z';
let server: FakeOktaServer;
let db: Db;
let snapshotId: number;

beforeAll(async () => {
  const pulled = await pullFakeOrg(tempDir(), { seed: 'check-as-written', users: 90, groups: 12, apps: 6 }, (org) => {
    // Errors (half an emoji in Metadata) and warnings (formula-like names) spread over the entities file, and a
    // warning in the relations file (an app username that looks like a timestamp, in a direct assignment's Metadata).
    for (const index of [4, 41, 77]) org.users[index]!.profile.title = `Lead \uD83D engineer ${index}`;
    for (const index of [9, 60]) org.users[index]!.profile.displayName = `=HYPERLINK("http://x.example","${index}")`;
    const assignments = [...org.directAppAssignments.values()].find((list) => list.length > 0)!;
    assignments[0]!.userName = LIKE_A_TIMESTAMP;
  });
  ({ server, db, snapshotId } = pulled);
});
afterAll(async () => {
  db?.close();
  await server?.close();
});

/** The published files of each kind, in part order, read back from disk as the one file they stand for. */
function publishedSources(result: ExportBundleResult): ValidationSources {
  const names = (kind: 'entities' | 'relations' | 'entitlements') =>
    (result.manifest.files[kind] ?? []).map((file) => path.join(result.outDir, file.name));
  const sourceOf = (paths: string[]) => (paths.length === 1 ? { path: paths[0]! } : { parts: paths });
  const sources: ValidationSources = {};
  for (const kind of ['entities', 'relations', 'entitlements'] as const)
    if (result.manifest.files[kind]) sources[kind] = sourceOf(names(kind));
  return sources;
}

/** The report without the files' paths (the export names its published files; read back they are the same). */
const comparable = (report: ValidationReport) => ({ ...report, files: undefined });

async function exportAndReadBack(options: ExportOptionsInput) {
  const result = await exportBundle({ db, snapshotId, outDir: tempDir(), options, appVersion: 'test' });
  const readBack = await validateCsvSources(publishedSources(result));
  return { result, readBack };
}

describe('the check of an export as it is written', () => {
  it.each([
    ['one file each', {}],
    ['files split in parts of 17 rows', { splitRows: 17 }],
    ['files split in parts of 1 row', { splitRows: 1 }],
    ['the entitlements format, split', { format: 'entitlements', splitRows: 23 }],
  ] as [string, ExportOptionsInput][])('gives the report of the files read back: %s', async (_, options) => {
    const { result, readBack } = await exportAndReadBack(options);
    expect(result.validation.findings.length).toBeGreaterThan(0);
    expect(comparable(result.validation)).toEqual(comparable(readBack));
    for (const kind of Object.keys(result.validation.files) as (keyof ValidationReport['files'])[])
      expect(result.validation.files[kind]!.rows).toBe(readBack.files[kind]!.rows);
  });

  it('finds the relations file warning and names the part and line it is in', async () => {
    const { result } = await exportAndReadBack({ splitRows: 40 });
    expect(result.validation.errorCount).toBeGreaterThan(0);
    const inRelations = result.validation.findings.filter((finding) => finding.file === 'relations');
    expect(inRelations.length).toBe(1);
    const { part, line } = inRelations[0]!;
    const lines = fs.readFileSync(path.join(result.outDir, part!), 'utf8').split('\r\n');
    expect(lines[line - 1]).toContain(LIKE_A_TIMESTAMP);
    expect(part).toMatch(/^entity-relations\.part-\d{3}\.invalid\.csv$/);
  });

  it('publishes under the upload names when only warnings are found, the check still reporting them', async () => {
    const { result, readBack } = await exportAndReadBack({ relationKinds: ['groupMembership'], userAttributes: [] });
    expect(result.keptAsInvalid).toBe(false);
    expect(result.validation.warningCount).toBeGreaterThan(0);
    expect(comparable(result.validation)).toEqual(comparable(readBack));
    expect(fs.existsSync(path.join(result.outDir, BUNDLE_FILE_NAMES.entities))).toBe(true);
    expect(fs.existsSync(path.join(result.outDir, invalidNameOf(BUNDLE_FILE_NAMES.entities)))).toBe(false);
  });
});
