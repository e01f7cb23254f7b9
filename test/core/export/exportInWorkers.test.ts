// The export writes its files side by side in worker threads, each with its own connection, and relations come from
// one ordered query per kind merged in JavaScript: the bytes must be those of the same export in one thread, and the
// relations must keep the order of the single sorted query the export used before (the validator relies on it).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
  ({ server, db, snapshotId } = await pullFakeOrg(tempDir(), { seed: 'workers', users: 120, groups: 15, apps: 8 }));
});
afterAll(async () => {
  db?.close();
  await server?.close();
});

const bundleFiles = ['entities.csv', 'entity-relations.csv'];

describe('export in worker threads', () => {
  it('writes the bytes and checksums of the same export in one thread (an in-memory copy of the cache)', async () => {
    const inWorkers = tempDir();
    const inThread = tempDir();
    const image = db.serialize();
    image[18] = 1; // header bytes 18-19: a WAL database's image says WAL (2), which memory cannot open; 1 = rollback
    image[19] = 1;
    const copy = new Database(image);
    expect(copy.memory).toBe(true); // no file a worker could open: written in this thread
    try {
      const viaWorkers = await exportBundle({ db, snapshotId, outDir: inWorkers, options, appVersion: 'test' });
      const viaThread = await exportBundle({ db: copy, snapshotId, outDir: inThread, options, appVersion: 'test' });
      for (const name of bundleFiles)
        expect(fs.readFileSync(path.join(inWorkers, name)).equals(fs.readFileSync(path.join(inThread, name)))).toBe(
          true,
        );
      expect(viaWorkers.manifest.files).toEqual(viaThread.manifest.files);
      expect(viaWorkers.manifest.relations).toEqual(viaThread.manifest.relations);
      expect(viaWorkers.manifest.relationsSkipped).toEqual(viaThread.manifest.relationsSkipped);
    } finally {
      copy.close();
    }
  });

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
