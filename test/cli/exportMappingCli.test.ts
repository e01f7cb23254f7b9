// `okta-prep export`'s choices as a user gives them: a profile file, flags over it, --save-profile, --help with the
// values in effect, bad values refused with exit 2, and profile attributes with any name written in the order chosen.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { DEFAULT_EXPORT_MAPPING } from '../../shared/balkanid/exportMapping';
import { readBundle, type CsvRow } from '../helpers/readBundle';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'export-mapping-cli-token';
const ODD_NAMES = ['cost,center', 'say "hi"', 'constructor', '__proto__'];
const tempDir = useTempDirs();
let okta: FakeOktaServer;
let work: string;
let db: string;

beforeAll(async () => {
  okta = await startFakeOktaServer({
    org: generateOrg({ seed: 'export-mapping-cli', users: 60, groups: 8, apps: 5, customProfileAttributes: ODD_NAMES }),
    apiToken: TOKEN,
  });
  work = tempDir();
  db = path.join(work, 'cache.sqlite');
  const cache = openDatabase(db);
  try {
    const client = new OktaClient({ orgUrl: okta.url, auth: new SswsTokenAuth(TOKEN) });
    await pullOrg({ db: cache, client, includeFactors: false, appVersion: 'test' });
  } finally {
    cache.close();
  }
});
afterAll(async () => {
  await okta?.close();
});

function writeProfile(content: object): string {
  const file = path.join(tempDir(), 'profile.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

async function exportWith(args: string[]) {
  const out = path.join(tempDir(), 'bundle');
  const run = await runCli(['export', '--db', db, '--out', out, ...args]);
  expect(run.stderr).not.toMatch(/unexpected/);
  expect(run.code).toBe(0);
  return { ...readBundle(out), run };
}

const sourceTypes = (rows: CsvRow[]) => [...new Set(rows.map((row) => row['Source Type']))].sort();
const metadataOf = (row: CsvRow) => JSON.parse(row.Metadata) as Record<string, unknown>;

describe('okta-prep export mapping choices', () => {
  it('takes the flags over the profile and the profile over the defaults, and records what it used', async () => {
    const profile = writeProfile({
      format: 'okta-prep/export-profile',
      version: 1,
      mapping: { sourceType: { app: 'profileApp', role: 'profileRole' }, privilegeName: { groupMembership: 'in' } },
    });
    const bundle = await exportWith(['--profile', profile, '--source-type', 'app=flagApp', '--role-id-prefix', 'r:']);
    expect(sourceTypes(bundle.entities.rows)).toEqual(['flagApp', 'group', 'profileRole', 'user']);
    const roleIds = bundle.entities.rows.filter((row) => row['Source Type'] === 'profileRole');
    expect(roleIds.length).toBeGreaterThan(0);
    expect(roleIds.every((row) => row['Source ID'].startsWith('r:'))).toBe(true);
    const memberships = bundle.relations.rows.map(metadataOf).filter((m) => m.connectionType === 'group');
    expect(memberships.some((m) => m.privilegeName === 'in')).toBe(true);
    expect(bundle.manifest.options.mapping).toEqual({
      ...DEFAULT_EXPORT_MAPPING,
      sourceType: { user: 'user', group: 'group', app: 'flagApp', role: 'profileRole' },
      roleSourceIdPrefix: 'r:',
      privilegeName: { ...DEFAULT_EXPORT_MAPPING.privilegeName, groupMembership: 'in' },
    });
    expect(bundle.run.stderr).toMatch(/warning: privilegeName of group memberships .* is "in" instead of "member"/);

    const plain = await exportWith([]);
    expect(sourceTypes(plain.entities.rows)).toEqual(['app', 'group', 'role', 'user']);
    expect(plain.manifest.options.mapping).toEqual(DEFAULT_EXPORT_MAPPING);
  });

  it('writes profile attributes of any name as metadata keys, in the order chosen', async () => {
    const bundle = await exportWith([
      '--user-attributes',
      'username,"cost,center","say ""hi""",username',
      '--user-attribute',
      'constructor',
      '--user-attribute',
      '__proto__',
    ]);
    const users = bundle.entities.rows.filter((row) => row['Source Type'] === 'user').map(metadataOf);
    expect(users.length).toBe(60);
    for (const metadata of users) {
      expect(Object.keys(metadata)).toEqual(['username', ...ODD_NAMES]);
      expect(metadata.constructor).toBe(`constructor of ${String(metadata.username)}`);
      expect(Object.getOwnPropertyDescriptor(metadata, '__proto__')?.value).toMatch(/^__proto__ of /);
    }
    expect(bundle.manifest.options.userAttributes).toEqual(['username', ...ODD_NAMES]);
  });

  it('refuses bad values with exit 2, saying what is wrong, and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--source-type', 'app= '], /Source Type of apps is empty: give it a value/],
      [['--source-type', 'application=x'], /"application" is not one of the kinds: choose from user, group, app, role/],
      [['--source-type', 'app'], /--source-type "app": write KIND=VALUE, for example --source-type app=application/],
      [['--source-type', 'role=group'], /groups and admin roles would both have Source Type "group"/],
      [['--metadata-key', 'username=email'], /in user metadata, "username" and "email" would both be written as/],
      [
        ['--metadata-key', 'costCenter=cc'],
        /"costCenter" is not a metadata key Okta Prep writes: choose from username,/,
      ],
      [['--connection-type', `userAdminRole=${'x'.repeat(201)}`], /is 201 characters long: shorten it to 200/],
      [['--user-attributes', 'email,"cost'], /--user-attributes "email,"cost": .*double quotes/],
      [['--user-attribute', ' '], /user attribute 1 " " is empty/],
      [['--profile', path.join(work, 'missing.json')], /--profile: cannot read the profile file .*ENOENT/],
      [['--profile', writeProfile({ format: 'x' })], /is not an Okta Prep export profile/],
      [['--profile', writeProfile({ format: 'okta-prep/export-profile', version: 1, colour: 1 })], /unknown property/],
    ];
    for (const [args, message] of cases) {
      const out = path.join(tempDir(), 'never');
      const run = await runCli(['export', '--db', db, '--out', out, ...args]);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it('saves the choices in effect to a private profile file that gives the same export back', async () => {
    const file = path.join(tempDir(), 'saved.json');
    const save = await runCli([
      'export',
      '--save-profile',
      file,
      '--source-type',
      'app=application',
      '--relations',
      'groupMembership',
      '--user-attributes',
      'email,"cost,center"',
    ]);
    expect(save.code).toBe(0);
    expect(save.stderr).toContain(`saved the export choices to ${file}`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({
      format: 'okta-prep/export-profile',
      version: 1,
      mapping: { sourceType: { app: 'application' } },
      userAttributes: ['email', 'cost,center'],
      relationKinds: ['groupMembership'],
      flattenGroupAppAssignments: false,
    });

    const bundle = await exportWith(['--profile', file]);
    expect(sourceTypes(bundle.entities.rows)).toEqual(['application', 'group', 'role', 'user']);
    expect(Object.keys(bundle.manifest.relations)).toEqual(['groupMembership']);
    const user = bundle.entities.rows.find((row) => row['Source Type'] === 'user')!;
    expect(Object.keys(metadataOf(user))).toEqual(['email', 'cost,center']);

    const again = path.join(tempDir(), 'again.json');
    expect((await runCli(['export', '--profile', file, '--save-profile', again])).code).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('lists every choice in export --help with the value in effect and whether BalkanID publishes it', async () => {
    const plain = await runCli(['export', '--help']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/Values in effect: the defaults\./);
    expect(plain.stdout).toMatch(/^ {4}app +"app" +our choice$/m);
    expect(plain.stdout).toMatch(/^ {4}user +"user" +published: BalkanID's entity samples$/m);
    expect(plain.stdout).toMatch(
      /^ {4}groupMembership +"member" +published: BalkanID's Okta group-membership sample$/m,
    );
    expect(plain.stdout).toMatch(/^ {4}viaGroupIds +"viaGroupIds" +in groupAppAccessFlattened; our choice$/m);

    const profile = writeProfile({
      format: 'okta-prep/export-profile',
      version: 1,
      mapping: { sourceType: { app: 'a' } },
    });
    const chosen = await runCli(['export', '--help', '--profile', profile, '--connection-type', 'userAdminRole=adm']);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain(`Values in effect: the defaults, with the profile ${profile} and then the flags`);
    expect(chosen.stdout).toMatch(/^ {4}app +"a" +our choice \(default "app"\)$/m);
    expect(chosen.stdout).toMatch(/^ {4}userAdminRole +"adm" +our choice \(default "role"\)$/m);

    const bad = await runCli(['export', '--help', '--source-type', 'app=']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Source Type of apps is empty/);
  });
});
