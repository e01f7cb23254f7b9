// `okta-prep snapshots label` and `snapshots delete` on a real cache with two pulls of one org: the label shows in
// the list, delete asks for --yes first, then removes the snapshot and the cache file shrinks.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { pullFakeOrg, type PulledFakeOrg } from '../helpers/pullFakeOrg';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
let pulled: PulledFakeOrg;
let dbFile: string;

beforeAll(async () => {
  pulled = await pullFakeOrg(tempDir(), { seed: 'snapshots-cli', users: 800, groups: 30, apps: 10 });
  const client = new OktaClient({ orgUrl: pulled.server.url, auth: new SswsTokenAuth('token-snapshots-cli') });
  await pullOrg({ db: pulled.db, client, includeFactors: false, appVersion: 'test' });
  dbFile = pulled.db.name;
  pulled.db.close();
});
afterAll(async () => {
  await pulled?.server.close();
});

const listed = async () =>
  JSON.parse((await runCli(['snapshots', '--db', dbFile, '--json'])).stdout) as { id: number; label: string | null }[];

describe('okta-prep snapshots label / delete', () => {
  it('labels a snapshot, shows the label in the list, and clears it with ""', async () => {
    const labelled = await runCli(['snapshots', 'label', '1', 'Acme before clean-up', '--db', dbFile]);
    expect(labelled).toMatchObject({ code: 0, stdout: expect.stringContaining('labelled "Acme before clean-up"') });
    expect((await runCli(['snapshots', '--db', dbFile])).stdout).toMatch(/^ {3}1 .*127\.0\.0\.1:\d+ {2}"Acme before/m);
    expect((await listed()).find((snapshot) => snapshot.id === 1)!.label).toBe('Acme before clean-up');
    expect((await runCli(['snapshots', 'label', '1', '', '--db', dbFile])).stdout).toContain('no label');
    expect((await listed()).find((snapshot) => snapshot.id === 1)!.label).toBeNull();
  });

  it('delete without --yes only says what it would remove; with --yes it deletes and shrinks the cache', async () => {
    const asked = await runCli(['snapshots', 'delete', '1', '--db', dbFile]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/deleting snapshot 1 of http:\/\/127\.0\.0\.1:\d+, pulled .* add --yes to delete it/);
    expect((await listed()).map((snapshot) => snapshot.id)).toEqual([2, 1]);

    const before = fs.statSync(dbFile).size;
    const deleted = await runCli(['snapshots', 'delete', '1', '--yes', '--db', dbFile, '--json']);
    expect(deleted.code).toBe(0);
    const result = JSON.parse(deleted.stdout);
    expect(result).toMatchObject({ snapshotId: 1, vacuumed: true });
    expect(result.pagesAfter).toBeLessThan(result.pagesBefore * 0.7);
    expect(fs.statSync(dbFile).size).toBeLessThan(before * 0.7);
    expect((await listed()).map((snapshot) => snapshot.id)).toEqual([2]);
  });

  it('refuses an unknown id, a bad id and a label of the wrong shape with the usage', async () => {
    expect(await runCli(['snapshots', 'delete', '7', '--yes', '--db', dbFile])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('there is no snapshot 7'),
    });
    expect((await runCli(['snapshots', 'label', 'x', 'y', '--db', dbFile])).code).toBe(2);
    const wrong = await runCli(['snapshots', 'rename', '2', '--db', dbFile]);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining('snapshots delete ID --yes') });
    expect(path.basename(dbFile)).toBe('cache.sqlite');
  });
});
