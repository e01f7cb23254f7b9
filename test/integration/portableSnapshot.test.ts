// Portable snapshots with the real command, real SQLite files and the fake server: a snapshot exported to one file
// opens read-only in a second database folder (listing, export and content the same as in the cache), the file is
// never changed by reading it, and a damaged file, a file from a newer version or a non-SQLite file is refused clearly.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { openPortableSnapshot } from '../../electron/core/store/portable/openPortableSnapshot';
import { snapshotContentHash } from '../../electron/core/store/snapshotContentHash';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import { runCli } from '../helpers/runCli';
import { serviceOnDb } from '../helpers/serviceOnDb';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'portable-snapshot-test-token';
const tempDir = useTempDirs();

/** What "unchanged" means for a file: its bytes and its modification time. */
const fingerprint = (file: string) => ({
  sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
  mtimeMs: fs.statSync(file).mtimeMs,
});

/** A copy of the portable file in a fresh folder, so each case damages its own. */
function copyOf(file: string, name: string): string {
  const copy = path.join(tempDir(), name);
  fs.copyFileSync(file, copy);
  return copy;
}

describe('portable snapshot', () => {
  let server: FakeOktaServer;
  let cacheFile: string;
  let snapshotId: number;
  let cacheHash: string;
  let portableFile: string;

  beforeAll(async () => {
    server = await startFakeOktaServer({
      org: generateOrg({ seed: 'portable', users: 300, groups: 30, apps: 8 }),
      apiToken: TOKEN,
    });
    cacheFile = path.join(tempDir(), 'cache.sqlite');
    const db = openDatabase(cacheFile);
    const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
    await pullOrg({ db, client, includeFactors: false, appVersion: 'test' }); // a first one, left in the cache
    snapshotId = (await pullOrg({ db, client, includeFactors: false, appVersion: 'test' })).snapshotId;
    cacheHash = snapshotContentHash(db, snapshotId);
    db.close();
    portableFile = path.join(tempDir(), 'snapshot.okta-snapshot');
    const run = await runCli([
      'snapshot',
      'export',
      '--db',
      cacheFile,
      '--id',
      String(snapshotId),
      '--out',
      portableFile,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote snapshot ${snapshotId} of ${server.url} to ${portableFile}`);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('is one private file holding that snapshot alone, with the same content as in the cache', () => {
    expect(fs.statSync(portableFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(portableFile))).toEqual(['snapshot.okta-snapshot']);
    const { db, info } = openPortableSnapshot(copyOf(portableFile, 'copy.okta-snapshot'));
    try {
      expect(info).toMatchObject({ snapshotId, orgUrl: server.url, schemaVersion: MIGRATIONS.at(-1)!.version });
      expect(db.prepare(`SELECT id FROM snapshots`).pluck().all()).toEqual([snapshotId]);
      expect(snapshotContentHash(db, snapshotId)).toBe(cacheHash);
    } finally {
      db.close();
    }
  });

  it('opens read-only from a second folder: listed and exported as from the cache, never changed', async () => {
    const elsewhere = copyOf(portableFile, 'reviewed.okta-snapshot');
    const before = fingerprint(elsewhere);
    const listed = await runCli(['snapshots', '--db', elsewhere, '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { id: number; status: string }[]).map((s) => [s.id, s.status])).toEqual([
      [snapshotId, 'complete'],
    ]);
    const [fromCache, fromFile] = [tempDir(), tempDir()];
    const exported = await runCli(['export', '--db', elsewhere, '--out', fromFile]);
    expect(exported.code).toBe(0);
    expect(
      (await runCli(['export', '--db', cacheFile, '--snapshot', String(snapshotId), '--out', fromCache])).code,
    ).toBe(0);
    for (const name of ['entities.csv', 'entity-relations.csv'])
      expect(fs.readFileSync(path.join(fromFile, name))).toEqual(fs.readFileSync(path.join(fromCache, name)));
    const pull = await runCli(['pull', '--db', elsewhere, '--org', server.url], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(pull.code).toBe(2);
    expect(pull.stderr).toContain('is a portable snapshot file, which Okta Prep only reads');
    expect(fingerprint(elsewhere)).toEqual(before);
    expect(fs.readdirSync(path.dirname(elsewhere))).toEqual(['reviewed.okta-snapshot']); // no -wal, -shm or -journal
  });

  it('reads an older Okta Prep file through a private upgraded copy, leaving the file and no copy', () => {
    const older = copyOf(portableFile, 'older.okta-snapshot');
    const before = fingerprint(older);
    const tempCopies = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('okta-prep-snapshot-'));
    const copiesBefore = tempCopies();
    // This app one migration ahead of the file: the copy gets the new column, the file does not.
    const latest = MIGRATIONS.at(-1)!.version;
    const ahead = [
      ...MIGRATIONS,
      { version: latest + 1, name: 'test', sql: `ALTER TABLE users ADD COLUMN nickname TEXT` },
    ];
    const { db, info } = openPortableSnapshot(older, ahead);
    try {
      expect(info.schemaVersion).toBe(latest);
      expect(db.pragma('user_version', { simple: true })).toBe(latest + 1);
      expect(db.prepare(`SELECT count(nickname) FROM users`).pluck().get()).toBe(0);
      expect(snapshotContentHash(db, snapshotId)).toBe(cacheHash);
      expect(() => db.prepare(`DELETE FROM users`).run()).toThrow(/readonly/);
    } finally {
      db.close();
    }
    expect(fingerprint(older)).toEqual(before);
    expect(fs.readdirSync(path.dirname(older))).toEqual(['older.okta-snapshot']);
    expect(tempCopies()).toEqual(copiesBefore);
  });

  it('refuses a truncated or overwritten file with a clear message and leaves it as it was', async () => {
    const truncated = copyOf(portableFile, 'truncated.okta-snapshot');
    fs.truncateSync(truncated, Math.floor(fs.statSync(truncated).size / 2));
    const overwritten = copyOf(portableFile, 'overwritten.okta-snapshot');
    const pageSize = 4096;
    const middlePage = Math.floor(fs.statSync(overwritten).size / pageSize / 2) * pageSize;
    const handle = fs.openSync(overwritten, 'r+');
    fs.writeSync(handle, Buffer.alloc(pageSize, 0xa5), 0, pageSize, middlePage);
    fs.closeSync(handle);
    for (const file of [truncated, overwritten]) {
      const before = fingerprint(file);
      const run = await runCli(['snapshots', '--db', file]);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(`${file} is damaged and cannot be opened`);
      expect(fingerprint(file)).toEqual(before);
      expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    }
  });

  it('refuses a file from a newer Okta Prep, and a file that is not SQLite, without changing them', async () => {
    const newer = copyOf(portableFile, 'newer.okta-snapshot');
    const edit = new Database(newer);
    edit.pragma('user_version = 99');
    edit.close();
    const notSqlite = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notSqlite, 'these are not the rows you are looking for\n'.repeat(10), { mode: 0o644 });
    const cases = [
      [newer, `was made by a newer Okta Prep (schema 99 > ${MIGRATIONS.at(-1)!.version}): update the app`],
      [notSqlite, 'is neither an Okta Prep cache nor a snapshot file (it is not an SQLite database)'],
    ] as const;
    for (const [file, message] of cases) {
      const before = { ...fingerprint(file), mode: fs.statSync(file).mode };
      const run = await runCli(['diff', '--db', file, '1', '2']);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(message);
      expect({ ...fingerprint(file), mode: fs.statSync(file).mode }).toEqual(before);
    }
  });

  it('snapshot export refuses a snapshot that is not there, and a missing subcommand is a usage error', async () => {
    const out = path.join(tempDir(), 'none.okta-snapshot');
    const missing = await runCli(['snapshot', 'export', '--db', cacheFile, '--id', '999', '--out', out]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('there is no snapshot 999');
    expect(fs.existsSync(out)).toBe(false);
    const bare = await runCli(['snapshot', '--db', cacheFile]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('snapshot needs a subcommand');
    expect((await runCli(['snapshots', '--db', cacheFile])).code).toBe(0);
  });

  it('snapshot.openPortable describes a good file, refuses a damaged one and a cache, changes neither', async () => {
    const cache = openDatabase(cacheFile);
    const { service, dispatch } = serviceOnDb(cache, tempDir());
    try {
      const good = copyOf(portableFile, 'good.okta-snapshot');
      const opened = await dispatch('snapshot.openPortable', { path: good });
      expect(opened).toMatchObject({
        ok: true,
        value: { snapshotId, orgUrl: server.url, snapshot: { id: snapshotId, status: 'complete' } },
      });
      const counts = (opened as { value: { snapshot: { counts: Record<string, number> } } }).value.snapshot.counts;
      expect(counts.users).toBe(
        cache.prepare(`SELECT count(*) FROM users WHERE snapshot_id = ?`).pluck().get(snapshotId),
      );
      const damaged = copyOf(portableFile, 'damaged.okta-snapshot');
      fs.truncateSync(damaged, 8192);
      for (const [file, message] of [
        [damaged, 'is damaged and cannot be opened'],
        [cacheFile, 'is not an Okta Prep snapshot file'],
      ] as const) {
        const before = fingerprint(file);
        const refused = await dispatch('snapshot.openPortable', { path: file });
        expect(refused).toMatchObject({
          ok: false,
          error: { code: 'BAD_INPUT', message: expect.stringContaining(message) },
        });
        expect(fingerprint(file)).toEqual(before);
      }
      const folder = tempDir();
      expect(await dispatch('snapshot.openPortable', { path: folder })).toMatchObject({
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: `cannot read ${folder}: check that it is a file and that you may read it`,
        },
      });
      const relative = await dispatch('snapshot.openPortable', { path: 'snapshot.okta-snapshot' });
      expect(relative).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: 'choose a full file path (not "snapshot.okta-snapshot")' },
      });
    } finally {
      await service.close();
      cache.close();
    }
  });
});
