// okta-prep keeps what it writes private on POSIX: a real pull and export through the CLI leave a 0700 cache folder,
// a 0600 database and 0600 export files; a looser cache is tightened with a "note:"; --shared-files writes 0644.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'permissions-test-token-91c2';
const tempDir = useTempDirs();
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const modesIn = (folder: string) =>
  Object.fromEntries(fs.readdirSync(folder).map((name) => [name, modeOf(path.join(folder, name))]));
let server: FakeOktaServer;

beforeAll(async () => {
  server = await startFakeOktaServer({
    org: generateOrg({ seed: 'modes', users: 40, groups: 6, apps: 4 }),
    apiToken: TOKEN,
  });
});
afterAll(async () => {
  await server?.close();
});

describe('file permissions through the CLI', () => {
  it('pulls into a 0700 cache folder with a 0600 database, and exports 0600 files into a new 0700 folder', async () => {
    const home = path.join(tempDir(), 'config', 'Okta Prep');
    const pull = await runCli(['pull', '--org', server.url], { env: { OKTA_API_TOKEN: TOKEN, OKTA_PREP_HOME: home } });
    expect(pull.code).toBe(0);
    expect(modeOf(home)).toBe(0o700);
    // -wal and -shm are removed when the last connection closes
    expect(modesIn(home)).toEqual({ 'okta-prep.sqlite': 0o600 });
    expect(pull.stderr).not.toContain('tightened');

    const out = path.join(tempDir(), 'exports', 'acme');
    const exported = await runCli(['export', '--out', out], { env: { OKTA_PREP_HOME: home } });
    expect(exported.code).toBe(0);
    expect(modeOf(out)).toBe(0o700);
    expect(modesIn(out)).toEqual({ 'entities.csv': 0o600, 'entity-relations.csv': 0o600, 'manifest.json': 0o600 });

    const shared = tempDir();
    fs.chmodSync(shared, 0o755);
    const sharedExport = await runCli(['export', '--out', shared, '--shared-files'], { env: { OKTA_PREP_HOME: home } });
    expect(sharedExport.code).toBe(0);
    expect(modeOf(shared)).toBe(0o755);
    expect(modesIn(shared)).toEqual({ 'entities.csv': 0o644, 'entity-relations.csv': 0o644, 'manifest.json': 0o644 });
  });

  it('tightens a 0755 cache folder and a 0644 database, with a note on stderr for each', async () => {
    const home = path.join(tempDir(), 'Okta Prep');
    expect((await runCli(['snapshots'], { env: { OKTA_PREP_HOME: home } })).code).toBe(0);
    const database = path.join(home, 'okta-prep.sqlite');
    fs.chmodSync(home, 0o755);
    fs.chmodSync(database, 0o644);
    const run = await runCli(['snapshots'], { env: { OKTA_PREP_HOME: home } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`note: tightened the permissions of the folder ${home} from 0755 to 0700`);
    expect(run.stderr).toContain(`note: tightened the permissions of the file ${database} from 0644 to 0600`);
    expect(modeOf(home)).toBe(0o700);
    expect(modeOf(database)).toBe(0o600);
  });
  it('an export to a folder that cannot be made (under /proc) fails at once with the reason', async () => {
    const home = path.join(tempDir(), 'config', 'Okta Prep');
    const pull = await runCli(['pull', '--org', server.url], { env: { OKTA_API_TOKEN: TOKEN, OKTA_PREP_HOME: home } });
    expect(pull.code).toBe(0);
    for (const shared of [[], ['--shared-files']]) {
      const run = await runCli(['export', '--out', '/proc/okta-prep-test/export', ...shared], {
        env: { OKTA_PREP_HOME: home },
        killAfterMs: 60_000, // a recursive mkdir under /proc never returns: the test must end all the same
      });
      expect(run.code, run.stderr).toBe(2); // the folder chosen is the thing to change, as with any bad option
      expect(run.stderr).toMatch(/cannot create the output folder \/proc\/okta-prep-test\/export: ENOENT/);
    }
  });
});
