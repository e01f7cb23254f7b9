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

  it('writes the same rows with a status filter and memberships whose user or group is not listed', async () => {
    const aUser = db.prepare(`SELECT id FROM users WHERE snapshot_id = ? ORDER BY id`).pluck().get(snapshotId);
    const aGroup = db.prepare(`SELECT id FROM groups WHERE snapshot_id = ? ORDER BY id`).pluck().get(snapshotId);
    const insert = db.prepare(`INSERT INTO group_members (snapshot_id, group_id, user_id) VALUES (?, ?, ?)`);
    insert.run(snapshotId, aGroup, '00u-not-listed');
    insert.run(snapshotId, '00g-not-listed', aUser);
    const statuses = ['ACTIVE', 'SUSPENDED'];
    const out = tempDir();
    await exportBundle({
      db,
      snapshotId,
      outDir: out,
      options: { userStatuses: statuses, relationKinds: ['groupMembership'] },
      appVersion: 'test',
    });
    const expected = db
      .prepare(`${KIND_SQL.groupMembership} ORDER BY parent_id, child_id`)
      .all({ snapshotId, rolePrefix: '', statuses: JSON.stringify(statuses) }) as {
      parent_id: string;
      child_id: string;
    }[];
    const written = readCsv(path.join(out, 'entity-relations.csv')).rows;
    expect(expected.length).toBeGreaterThan(10);
    expect(written.map((row) => `${row['Parent Entity Source ID']} ${row['Entity Source ID']}`)).toEqual(
      expected.map((row) => `${row.parent_id} ${row.child_id}`),
    );
  });
});
