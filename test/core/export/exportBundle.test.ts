// Export failure paths and options: a failed export leaves nothing behind, an old bundle survives a failed
// re-export, incomplete snapshots are refused, and relation kinds / user attributes can be left out.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/export/exportBundle';
import type { FakeOktaServer } from '../../../electron/core/fake-okta/server';
import type { Db } from '../../../electron/core/store/openDatabase';
import { createSnapshot } from '../../../electron/core/store/snapshots';
import { readBundle } from '../../helpers/readBundle';
import { pullFakeOrg } from '../../helpers/pullFakeOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
let server: FakeOktaServer;
let db: Db;
let snapshotId: number;

beforeAll(async () => {
  ({ server, db, snapshotId } = await pullFakeOrg(tempDir(), { seed: 'export', users: 150, groups: 20, apps: 10 }));
});
afterAll(async () => {
  db?.close();
  await server?.close();
});

describe('exportBundle', () => {
  it('leaves no file (final or temporary) when the export is cancelled half-way', async () => {
    const out = tempDir();
    const controller = new AbortController();
    await expect(
      exportBundle({
        db,
        snapshotId,
        outDir: out,
        appVersion: 'test',
        signal: controller.signal,
        onProgress: () => controller.abort(new Error('stop')),
        options: {},
      }).then(() => {
        throw new Error('should not finish');
      }),
    ).rejects.toThrow(/stop|abort/i);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('keeps the previous bundle intact when a re-export fails', async () => {
    const out = tempDir();
    await exportBundle({ db, snapshotId, outDir: out, appVersion: 'test' });
    const before = fs.readFileSync(path.join(out, 'entities.csv'));
    const controller = new AbortController();
    controller.abort(new Error('cancelled at once'));
    await expect(
      exportBundle({ db, snapshotId, outDir: out, appVersion: 'test', signal: controller.signal }),
    ).rejects.toThrow();
    expect(fs.readFileSync(path.join(out, 'entities.csv')).equals(before)).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(['entities.csv', 'entity-relations.csv', 'manifest.json']);
  });

  it('removes temporary files a killed export left behind, and leaves those of an export still running', async () => {
    const out = tempDir();
    const gonePid = 4_194_305; // above Linux's largest pid: no such process
    fs.writeFileSync(path.join(out, '.entities.csv.abcdef123456.tmp'), 'half'); // an older version's name, no pid
    fs.writeFileSync(path.join(out, `.manifest.json.${gonePid}-abcdef123456.tmp`), 'half');
    const running = `.entity-relations.csv.${process.pid}-0123456789ab.tmp`;
    fs.writeFileSync(path.join(out, running), 'in progress');
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    await exportBundle({ db, snapshotId, outDir: out, appVersion: 'test' });
    expect(fs.readdirSync(out).sort()).toEqual([
      running,
      'entities.csv',
      'entity-relations.csv',
      'manifest.json',
      'notes.txt',
    ]);
  });

  it('two exports into one folder at once: both finish, one whole valid bundle, no temp file', async () => {
    const out = tempDir();
    // The second starts while the first has its temporary files open (as two export jobs of one service would).
    let second: ReturnType<typeof exportBundle> | undefined;
    const first = exportBundle({
      db,
      snapshotId,
      outDir: out,
      appVersion: 'test',
      options: { relationKinds: ['groupMembership'] },
      onProgress: ({ file }) => {
        if (file === 'relations') second ??= exportBundle({ db, snapshotId, outDir: out, appVersion: 'test' });
      },
    });
    const [narrow, full] = await Promise.all([first, first.then(() => second!)]);
    expect(narrow.validation.errorCount).toBe(0);
    expect(full.validation.errorCount).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['entities.csv', 'entity-relations.csv', 'manifest.json']);
    // Whichever finished last, its manifest describes the files beside it (never one export's file with the other's
    // manifest).
    const { manifest, relations } = readBundle(out);
    for (const file of ['entities', 'relations'] as const) {
      const bytes = fs.readFileSync(path.join(out, manifest.files[file][0].name));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.files[file][0].sha256);
    }
    expect(relations.rows).toHaveLength(manifest.files.relations[0].rows);
    expect([narrow.manifest.files.relations![0]!.sha256, full.manifest.files.relations![0]!.sha256]).toContain(
      manifest.files.relations[0].sha256,
    );
  });

  it('writes every file (manifest too) 0600 in a folder it creates 0700, whatever was there before', async () => {
    const out = path.join(tempDir(), 'new', 'bundle');
    await exportBundle({ db, snapshotId, outDir: out, appVersion: 'test' });
    expect(modeOf(out)).toBe(0o700);
    expect(modeOf(path.dirname(out))).toBe(0o700);
    expect(Object.fromEntries(fs.readdirSync(out).map((name) => [name, modeOf(path.join(out, name))]))).toEqual({
      'entities.csv': 0o600,
      'entity-relations.csv': 0o600,
      'manifest.json': 0o600,
    });
    // A re-export replaces files someone loosened, with private ones again.
    fs.chmodSync(path.join(out, 'entities.csv'), 0o644);
    await exportBundle({ db, snapshotId, outDir: out, appVersion: 'test' });
    expect(modeOf(path.join(out, 'entities.csv'))).toBe(0o600);
  });

  it('leaves the mode of a folder the user chose, and writes 0644 files only when asked (sharedFiles)', async () => {
    const out = tempDir();
    fs.chmodSync(out, 0o755);
    const result = await exportBundle({
      db,
      snapshotId,
      outDir: out,
      appVersion: 'test',
      options: { sharedFiles: true },
    });
    expect(modeOf(out)).toBe(0o755);
    for (const name of ['entities.csv', 'entity-relations.csv', 'manifest.json'])
      expect(modeOf(path.join(out, name))).toBe(0o644);
    expect(result.manifest.options.sharedFiles).toBe(true);
    await exportBundle({ db, snapshotId, outDir: out, appVersion: 'test' });
    expect(modeOf(out)).toBe(0o755);
    for (const name of ['entities.csv', 'entity-relations.csv', 'manifest.json'])
      expect(modeOf(path.join(out, name))).toBe(0o600);
  });

  it('refuses an unfinished snapshot with a clear message', async () => {
    const running = createSnapshot(db, { orgUrl: server.url, includeFactors: false, appVersion: 'test' });
    await expect(exportBundle({ db, snapshotId: running, outDir: tempDir(), appVersion: 'test' })).rejects.toThrow(
      /not complete: resume the pull/,
    );
    await expect(exportBundle({ db, snapshotId: 9999, outDir: tempDir(), appVersion: 'test' })).rejects.toThrow(
      /no snapshot 9999/,
    );
  });

  it('writes only the chosen relation kinds and user attributes', async () => {
    const out = tempDir();
    const result = await exportBundle({
      db,
      snapshotId,
      outDir: out,
      appVersion: 'test',
      options: { relationKinds: ['groupMembership'], userAttributes: ['username', 'department'] },
    });
    const { relations, entities } = readBundle(out);
    expect(new Set(relations.rows.map((r) => JSON.parse(r.Metadata).privilegeName))).toEqual(new Set(['member']));
    expect(result.manifest.relations).toEqual({ groupMembership: relations.rows.length });
    for (const row of entities.rows.filter((r) => r['Entity Type'] === 'identity')) {
      expect(Object.keys(JSON.parse(row.Metadata)).every((key) => key === 'username' || key === 'department')).toBe(
        true,
      );
    }
  });

  it('flattens group-granted app access into user → app rows with the granting groups when asked', async () => {
    const out = tempDir();
    await exportBundle({
      db,
      snapshotId,
      outDir: out,
      appVersion: 'test',
      options: { flattenGroupAppAssignments: true },
    });
    const { relations, manifest } = readBundle(out);
    const flattened = relations.rows.filter(
      (r) =>
        r['Parent Entity Type'] === 'identity' &&
        r['Entity Type'] === 'resource' &&
        JSON.parse(r.Metadata).connectionType === 'group',
    );
    expect(flattened.length).toBe(manifest.relations.groupAppAccessFlattened);
    expect(flattened.length).toBeGreaterThan(0);
    const groupApps = relations.rows.filter(
      (r) => r['Parent Entity Type'] === 'connection' && r['Entity Type'] === 'resource',
    );
    const memberships = new Set(
      relations.rows
        .filter((r) => JSON.parse(r.Metadata).privilegeName === 'member')
        .map((r) => `${r['Parent Entity Source ID']}|${r['Entity Source ID']}`),
    );
    for (const row of flattened) {
      const via: string[] = JSON.parse(row.Metadata).viaGroupIds;
      expect(via.length).toBeGreaterThan(0);
      for (const groupId of via) {
        expect(memberships.has(`${row['Parent Entity Source ID']}|${groupId}`)).toBe(true);
        expect(
          groupApps.some(
            (g) => g['Parent Entity Source ID'] === groupId && g['Entity Source ID'] === row['Entity Source ID'],
          ),
        ).toBe(true);
      }
    }
  });
});
