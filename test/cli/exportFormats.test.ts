// `okta-prep export --format entitlements`, --user-statuses and --split-rows against a pulled fake org: the rows are
// the effective access paths computed here from the org the fake server served (not from the exporter's queries),
// split parts join back into the unsplit file, and such bundles pass check-bundle and upload to the fake BalkanID.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBalkanIdServer, type FakeBalkanIdServer } from '../../electron/core/fake-balkanid/server';
import type { FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import type { FakeOktaServer } from '../../electron/core/fake-okta/server';
import { ENTITLEMENT_COLUMNS } from '../../shared/balkanid/entitlements';
import { writePrivateFile } from '../helpers/privateFile';
import { pullFakeOrg } from '../helpers/pullFakeOrg';
import { readCsv } from '../helpers/readBundle';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
let okta: FakeOktaServer;
let org: FakeOrg;
let db: string;

beforeAll(async () => {
  const dir = tempDir();
  const pulled = await pullFakeOrg(dir, { seed: 'export-formats', users: 50, groups: 8, apps: 6 });
  pulled.db.close();
  ({ server: okta, org } = pulled);
  db = path.join(dir, 'cache.sqlite');
});
afterAll(async () => {
  await okta?.close();
});

async function exportTo(args: string[]): Promise<string> {
  const out = path.join(tempDir(), 'bundle');
  const run = await runCli(['export', '--db', db, '--out', out, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

type Path = [userId: string, connectionType: string, connection: string, resourceType: string, resource: string];

/** Every access path of the org's users, from the served model: what an entitlements export must hold, row for row. */
function expectedPaths(statuses?: string[]): Path[] {
  const users = new Map(org.users.filter((u) => !statuses || statuses.includes(u.status)).map((u) => [u.id, u]));
  const groupName = new Map(org.groups.map((group) => [group.id, group.profile.name]));
  const appLabel = new Map(org.apps.map((app) => [app.id, app.label]));
  const appsOfGroup = new Map<string, string[]>();
  for (const [appId, assigned] of org.appGroupAssignments)
    for (const { groupId } of assigned) appsOfGroup.set(groupId, [...(appsOfGroup.get(groupId) ?? []), appId]);
  const paths: Path[] = [];
  for (const [groupId, members] of org.groupMembers) {
    for (const userId of members.filter((id) => users.has(id))) {
      const apps = appsOfGroup.get(groupId) ?? [];
      if (apps.length === 0) paths.push([userId, 'group', groupName.get(groupId)!, '', '']);
      for (const appId of apps) paths.push([userId, 'group', groupName.get(groupId)!, 'app', appLabel.get(appId)!]);
      const roles = new Map((org.groupRoleAssignments.get(groupId) ?? []).map((r) => [r.role ?? r.type, r.label]));
      for (const label of roles.values()) paths.push([userId, 'group', groupName.get(groupId)!, 'role', label]);
    }
  }
  for (const [appId, assigned] of org.directAppAssignments)
    for (const { userId } of assigned.filter((a) => users.has(a.userId)))
      paths.push([userId, '', '', 'app', appLabel.get(appId)!]);
  for (const [userId, assignments] of org.userRoleAssignments) {
    if (!users.has(userId)) continue;
    const roles = new Map(assignments.map((r) => [r.role ?? r.type, r.label]));
    for (const label of roles.values()) paths.push([userId, 'role', label, '', '']);
  }
  return paths.sort();
}

function pathsIn(file: string): Path[] {
  return readCsv(file)
    .rows.map((row) => {
      const cell = (name: string) => (row as Record<string, string>)[name]!;
      return [cell('User ID'), cell('Connection Type'), cell('Connection'), cell('Resource Type'), cell('Resource')];
    })
    .sort() as Path[];
}

describe('okta-prep export --format entitlements', () => {
  it('writes one row per user → group → app, user → app, user → role and user → group → role path', async () => {
    const out = await exportTo(['--format', 'entitlements']);
    expect(fs.readdirSync(out).sort()).toEqual(['entitlements.csv', 'manifest.json']);
    const file = readCsv(path.join(out, 'entitlements.csv'));
    expect(file.header).toEqual([...ENTITLEMENT_COLUMNS]);
    const expected = expectedPaths();
    expect(expected.length).toBeGreaterThan(50);
    expect(pathsIn(path.join(out, 'entitlements.csv'))).toEqual(expected);
    const byId = new Map(org.users.map((user) => [user.id, user]));
    for (const row of file.rows as Record<string, string>[]) {
      const user = byId.get(row['User ID']!)!;
      expect([row.Project, row.Username, row.Email, row['Privilege Value']]).toEqual([
        okta.url,
        user.profile.login,
        user.profile.email,
        'true',
      ]);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ formatVersion: 2, csvFormat: 'entitlements' });
    expect(manifest.files.entitlements).toHaveLength(1);
    expect(manifest.files.entitlements[0].rows).toBe(expected.length);
    expect(manifest.validation.errors).toBe(0);
    // The validator tells the file by its header and checks it as entitlements.
    const validate = await runCli(['validate', path.join(out, 'entitlements.csv'), '--json']);
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout).files.entitlements.rows).toBe(expected.length);
  });

  it('keeps only the users of the statuses asked for, in both formats', async () => {
    const statuses = ['ACTIVE'];
    expect(org.users.some((user) => user.status !== 'ACTIVE')).toBe(true);
    const out = await exportTo(['--format', 'entitlements', '--user-statuses', 'active']);
    expect(pathsIn(path.join(out, 'entitlements.csv'))).toEqual(expectedPaths(statuses));
    const pair = await exportTo(['--user-statuses', 'ACTIVE']);
    const users = readCsv(path.join(pair, 'entities.csv')).rows.filter((row) => row['Entity Type'] === 'identity');
    const active = org.users.filter((user) => user.status === 'ACTIVE').map((user) => user.id);
    expect(users.map((row) => row['Source ID']).sort()).toEqual(active.sort());
    const identityParents = readCsv(path.join(pair, 'entity-relations.csv'))
      .rows.filter((row) => row['Parent Entity Type'] === 'identity')
      .map((row) => row['Parent Entity Source ID']);
    expect(identityParents.every((id) => active.includes(id))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(pair, 'manifest.json'), 'utf8'));
    expect(Object.values(manifest.relationsSkipped).every((count) => count === 0)).toBe(true);
  });

  it('writes only the paths of the relation kinds chosen', async () => {
    const out = await exportTo(['--format', 'entitlements', '--relations', 'directAppAssignment,userAdminRole']);
    const kept = expectedPaths().filter(([, type, , resourceType]) => type === 'role' || (type === '' && resourceType));
    expect(pathsIn(path.join(out, 'entitlements.csv'))).toEqual(kept);
  });

  it('refuses an unknown format, bad statuses and a bad split size with exit 2', async () => {
    for (const args of [
      ['--format', 'flat'],
      ['--user-statuses', 'ACTIVE,,x y'],
      ['--split-rows', '0'],
    ]) {
      const run = await runCli(['export', '--db', db, '--out', path.join(tempDir(), 'never'), ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(args[0]);
    }
  });
});

describe('okta-prep export --split-rows', () => {
  const dataOf = (file: string) => fs.readFileSync(file, 'latin1').split('\r\n').slice(1).join('\r\n');

  it('writes parts of at most N rows, each with the header, that join back into the unsplit file', async () => {
    const whole = await exportTo([]);
    const split = await exportTo(['--split-rows', '17']);
    const manifest = JSON.parse(fs.readFileSync(path.join(split, 'manifest.json'), 'utf8'));
    for (const [kind, name] of [
      ['entities', 'entities'],
      ['relations', 'entity-relations'],
    ] as const) {
      const parts: { name: string; rows: number }[] = manifest.files[kind];
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.map((part) => part.name)).toEqual(
        parts.map((_, index) => `${name}.part-${String(index + 1).padStart(3, '0')}.csv`),
      );
      const wholeText = fs.readFileSync(path.join(whole, `${name}.csv`), 'latin1');
      const header = wholeText.slice(0, wholeText.indexOf('\r\n') + 2);
      let joined = header;
      for (const part of parts) {
        const text = fs.readFileSync(path.join(split, part.name), 'latin1');
        expect(text.startsWith(header)).toBe(true);
        expect(readCsv(path.join(split, part.name)).rows.length).toBe(part.rows);
        expect(part.rows).toBeLessThanOrEqual(17);
        joined += text.slice(header.length);
      }
      expect(joined).toBe(wholeText);
      expect(dataOf(path.join(split, parts[0]!.name)).length).toBeGreaterThan(0);
    }
    const check = await runCli(['check-bundle', '--dir', split, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).files.length).toBe(
      manifest.files.entities.length + manifest.files.relations.length,
    );
  });
});

describe('uploading split and entitlements bundles', () => {
  const KEY_ID = 'formats-key';
  const SECRET = 'formats-SECRET-5c2e';
  let balkanid: FakeBalkanIdServer;
  let secretFile: string;
  beforeAll(async () => {
    balkanid = await startFakeBalkanIdServer({ apiKeyId: KEY_ID, apiKeySecret: SECRET });
    secretFile = writePrivateFile(path.join(tempDir(), 'secret'), SECRET);
  });
  afterAll(async () => {
    await balkanid?.close();
  });
  const upload = (dir: string) =>
    runCli([
      'upload',
      '--dir',
      dir,
      '--api-key-id',
      KEY_ID,
      '--api-key-secret-file',
      secretFile,
      '--base-url',
      balkanid.url,
    ]);

  it('sends every entities part, then every relations part, in order', async () => {
    const dir = await exportTo(['--split-rows', '40']);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const before = balkanid.stored().length;
    const run = await upload(dir);
    expect(run.code).toBe(0);
    const sent = balkanid.stored().slice(before);
    const names = [...manifest.files.entities, ...manifest.files.relations].map((part: { name: string }) => part.name);
    expect(sent.map((stored) => stored.kind)).toEqual([
      ...manifest.files.entities.map(() => 'entities'),
      ...manifest.files.relations.map(() => 'relations'),
    ]);
    expect(sent.map((stored) => stored.body?.toString('latin1'))).toEqual(
      names.map((name) => fs.readFileSync(path.join(dir, name), 'latin1')),
    );
  });

  it('sends an entitlements bundle to the entitlements endpoint', async () => {
    const dir = await exportTo(['--format', 'entitlements', '--split-rows', '100']);
    const before = balkanid.stored().length;
    const run = await upload(dir);
    expect(run.code).toBe(0);
    const sent = balkanid.stored().slice(before);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(sent.map((stored) => stored.kind)).toEqual(manifest.files.entitlements.map(() => 'entitlements'));
    expect(sent.length).toBeGreaterThan(1);
    expect(Buffer.concat(sent.map((stored) => stored.body!)).length).toBe(
      manifest.files.entitlements.reduce((sum: number, part: { bytes: number }) => sum + part.bytes, 0),
    );
  });
});
