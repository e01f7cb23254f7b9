// Relations come from one ordered query per kind merged in JavaScript (no temporary sort of millions of rows): they
// must keep the order of the single sorted query the export used before (the validator's duplicate check relies on it).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/export/exportBundle';
import { resolveExportOptions } from '../../../electron/core/export/exportOptions';
import { exportedRelationKinds, KIND_SQL } from '../../../electron/core/export/relationRecords';
import type { FakeOktaServer } from '../../../electron/core/fake-okta/server';
import type { Db } from '../../../electron/core/store/openDatabase';
import { readCsv } from '../../helpers/readBundle';
import { pullFakeOrg } from '../../helpers/pullFakeOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let server: FakeOktaServer;
let db: Db;
let snapshotId: number;
const options = { flattenGroupAppAssignments: true }; // every relation kind

beforeAll(async () => {
  ({ server, db, snapshotId } = await pullFakeOrg(tempDir(), {
    seed: 'relation-order',
    users: 120,
    groups: 15,
    apps: 8,
  }));
});
afterAll(async () => {
  db?.close();
  await server?.close();
});

describe('relation order', () => {
  it('writes the relations in the order of one sorted query over every kind', async () => {
    const out = tempDir();
    const result = await exportBundle({ db, snapshotId, outDir: out, options, appVersion: 'test' });
    const kinds = exportedRelationKinds(resolveExportOptions(options));
    expect(kinds.length).toBe(6);
    const sorted = db
      .prepare(
        `${kinds.map((kind) => KIND_SQL[kind]).join(' UNION ALL ')} ` +
          `ORDER BY parent_id, parent_type, child_id, child_type, kind`,
      )
      .all({ snapshotId, rolePrefix: '', statuses: null }) as { parent_id: string; child_id: string }[];
    const written = readCsv(path.join(out, 'entity-relations.csv')).rows;
    expect(new Set(Object.values(result.manifest.relations!).map((count) => count > 0))).toEqual(new Set([true]));
    expect(written.map((row) => `${row['Parent Entity Source ID']} ${row['Entity Source ID']}`)).toEqual(
      sorted.map((row) => `${row.parent_id} ${row.child_id}`),
    );
  });
});
