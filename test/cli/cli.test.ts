// The okta-prep command as a user runs it: exit codes, clear messages, and the token never shown or stored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { writePrivateFile } from '../helpers/privateFile';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'cli-test-token-SECRET-7f3a9c1e5b';
const tempDir = useTempDirs();
let server: FakeOktaServer;
let work: string;

function allFileBytes(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

beforeAll(async () => {
  server = await startFakeOktaServer({
    org: generateOrg({ seed: 'cli', users: 120, groups: 15, apps: 8 }),
    apiToken: TOKEN,
  });
  work = tempDir();
});
afterAll(async () => {
  await server?.close();
});

describe('okta-prep CLI', () => {
  it('pulls with the token from the environment, exports, and never prints or stores the token', async () => {
    const db = path.join(work, 'cache.sqlite');
    const pull = await runCli(['pull', '--org', server.url, '--db', db, '--include-factors'], {
      env: { OKTA_API_TOKEN: TOKEN },
    });
    expect(pull.stderr + pull.stdout).not.toContain(TOKEN);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toMatch(/snapshot 1 of http:\/\/127\.0\.0\.1:\d+ is complete/);
    expect(pull.stdout).toMatch(/users 120/);

    const out = path.join(work, 'bundle');
    const exported = await runCli(['export', '--db', db, '--out', out, '--json']);
    expect(exported.code).toBe(0);
    const result = JSON.parse(exported.stdout);
    expect(result.manifest.entities.identity.user).toBe(120);
    expect(fs.readdirSync(out).sort()).toEqual(['entities.csv', 'entity-relations.csv', 'manifest.json']);

    const snapshots = await runCli(['snapshots', '--db', db, '--json']);
    expect(snapshots.code).toBe(0);
    expect(JSON.parse(snapshots.stdout)[0]).toMatchObject({ id: 1, status: 'complete', includeFactors: true });

    // The token is in no file the tool wrote: database, WAL, exports.
    expect(allFileBytes(work)).not.toContain(TOKEN);
  });

  it('reads the token from --token-file', async () => {
    const tokenFile = path.join(work, 'token.txt');
    writePrivateFile(tokenFile, `${TOKEN}\n`);
    const run = await runCli([
      'pull',
      '--org',
      server.url,
      '--db',
      path.join(work, 'file-token.sqlite'),
      '--token-file',
      tokenFile,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('rejects a bad token with exit 3 and says what to do, without echoing it', async () => {
    const badToken = 'not-the-right-token-ZZZZ999';
    const run = await runCli(['pull', '--org', server.url, '--db', path.join(work, 'bad.sqlite')], {
      env: { OKTA_API_TOKEN: badToken },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`token rejected by ${server.url} (E0000011)`);
    expect(run.stderr).toMatch(/Security > API/);
    expect(run.stdout + run.stderr).not.toContain(badToken);
  });

  it('refuses a token given as an argument (exit 2) without echoing it', async () => {
    const run = await runCli(['pull', '--org', server.url, '--token', 'ARGV-TOKEN-123']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OKTA_API_TOKEN|--token-file/);
    expect(run.stdout + run.stderr).not.toContain('ARGV-TOKEN-123');
    const inline = await runCli(['pull', '--org', server.url, '--token=ARGV-TOKEN-456']);
    expect(inline.code).toBe(2);
    expect(inline.stdout + inline.stderr).not.toContain('ARGV-TOKEN-456');
  });

  it('explains a bad org URL (exit 2)', async () => {
    const http = await runCli(['pull', '--org', 'http://acme.okta.com'], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(http.code).toBe(2);
    expect(http.stderr).toMatch(/bad --org: .*https/);
    const placeholder = await runCli(['pull', '--org', 'https://{yourOktaDomain}'], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(placeholder.code).toBe(2);
    expect(placeholder.stderr).toMatch(/placeholder/);
  });

  it('explains the -admin host and still reaches the API host', async () => {
    const run = await runCli(
      ['pull', '--org', 'https://acme-admin.okta.com/admin/dashboard', '--db', path.join(work, 'x.sqlite')],
      { env: {} },
    );
    expect(run.code).toBe(2); // no token: usage error, but the URL note came first
    expect(run.stderr).toMatch(/Admin Console host; the API lives on acme\.okta\.com/);
  });

  it('exits 2 on usage errors: no token, unknown command or option, bad snapshot id, no --out', async () => {
    expect((await runCli(['pull', '--org', server.url])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    // A name every object has is still not a command.
    const inherited = await runCli(['constructor']);
    expect(inherited.code).toBe(2);
    expect(inherited.stderr).toMatch(/unknown command "constructor"/);
    expect((await runCli(['pull', '--bogus'])).code).toBe(2);
    const badId = await runCli(['export', '--db', path.join(work, 'cache.sqlite'), '--snapshot', 'abc', '--out', work]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/--snapshot must be a snapshot id/);
    expect((await runCli(['export', '--db', path.join(work, 'cache.sqlite')])).code).toBe(2);
    const share = await runCli(['pull', '--org', server.url, '--share', '5'], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(share.code).toBe(2);
    expect(share.stderr).toMatch(/--share must be a number from 0.1 to 1/);
  });

  it('validate: a clean bundle exits 0, a broken file exits 1 with findings', async () => {
    const out = path.join(work, 'bundle');
    const clean = await runCli(['validate', path.join(out, 'entities.csv'), path.join(out, 'entity-relations.csv')]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/ready to upload/);
    const broken = path.join(work, 'broken.csv');
    fs.writeFileSync(
      broken,
      'App,Name,Entity Type,Source System,Source ID,Source Type,Metadata Version,Metadata\r\nokta,Ada,person,' +
        'okta,00u1,user,,\r\n',
    );
    const run = await runCli(['validate', broken, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'entity-type', line: 2, column: 'Entity Type' }),
    );
    const missing = await runCli(['validate', path.join(work, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv/);
  });

  it('says when there is nothing to export yet', async () => {
    const run = await runCli(['export', '--db', path.join(work, 'empty.sqlite'), '--out', path.join(work, 'none')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no complete snapshot/);
    expect(fs.existsSync(path.join(work, 'none', 'entities.csv'))).toBe(false);
  });
});

describe('okta-prep check', () => {
  it('reports every kind readable with an estimate, and exit 0', async () => {
    const run = await runCli(['check', '--org', server.url, '--json'], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.checks.every((c: { readable: boolean }) => c.readable)).toBe(true);
    expect(report.estimate.requests).toBeGreaterThan(15);
  });

  it('names what is missing and what it costs (exit 3) when group members cannot be listed', async () => {
    const limited = await startFakeOktaServer({
      org: generateOrg({ seed: 'cli', users: 120, groups: 15, apps: 8 }),
      apiToken: TOKEN,
      permissions: { groupMembers: false },
    });
    try {
      const run = await runCli(['check', '--org', limited.url], { env: { OKTA_API_TOKEN: TOKEN } });
      expect(run.code).toBe(3);
      expect(run.stdout).toMatch(/MISSING group members/);
      expect(run.stdout).toMatch(/access granted through groups is not connected to users/);
    } finally {
      await limited.close();
    }
  });
});
