// The okta-prep command on an org with odd values: the pull completes and says each new value once, and both the
// pull and the export say how many relations were left out because their other end was never listed.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { ODD_VALUES } from '../../electron/core/fake-okta/oddValues';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'cli-odd-values-token-5b1e0c7d';
const tempDir = useTempDirs();
let server: FakeOktaServer;

beforeAll(async () => {
  server = await startFakeOktaServer({
    org: generateOrg({ seed: 'cli-odd', users: 40, groups: 6, apps: 4 }),
    apiToken: TOKEN,
    oddValues: true,
  });
});
afterAll(async () => {
  await server?.close();
});

const LEFT_OUT =
  '2 relations were left out because their other end was never listed (directAppAssignment 1, userAdminRole 1)';

describe('okta-prep on an org with odd values', () => {
  it('pull warns once per new value and counts the relations left out; export says so too', async () => {
    const db = path.join(tempDir(), 'cache.sqlite');
    const pull = await runCli(['pull', '--org', server.url, '--db', db], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(pull.code).toBe(0);
    expect(pull.stdout).toMatch(/snapshot 1 of .* is complete/);
    expect(pull.stdout).toContain(
      '2 relations will be left out of the export because their other end was never listed ' +
        '(directAppAssignment 1, userAdminRole 1)',
    );
    expect(pull.stderr.split(`Okta sent user status "${ODD_VALUES.userStatus}"`)).toHaveLength(2);
    expect(pull.stderr).toMatch(/without a usable app name: the label, else the app id is used instead/);

    const exported = await runCli(['export', '--db', db, '--out', path.join(tempDir(), 'bundle')]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      new RegExp(`ready to upload: no errors, \\d+ warning\\(s\\); ${LEFT_OUT.replace(/[()]/g, '\\$&')}`),
    );

    const json = JSON.parse(
      (await runCli(['export', '--db', db, '--out', path.join(tempDir(), 'bundle2'), '--json'])).stdout,
    );
    expect(json.manifest.relationsSkipped).toMatchObject({ directAppAssignment: 1, userAdminRole: 1 });
  });

  it('check reads the odd org without failing (null items are left out of its estimate)', async () => {
    const check = await runCli(['check', '--org', server.url], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(check.stderr).not.toMatch(/unexpected failure/);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/every object kind can be read/);
  });
});
