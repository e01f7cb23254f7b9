// End to end on loopback: a generated org is pulled from the fake Okta server, exported, and the bundle is checked
// independently against the generator's model — every object and relation present exactly once, nothing else.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../electron/core/appInfo';
import { exportBundle } from '../../electron/core/export/exportBundle';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg, type PullResult } from '../../electron/core/pull/pullOrg';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { readBundle, type CsvRow } from '../helpers/readBundle';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'integration-test-token-00000000000000';
const tempDir = useTempDirs();
let server: FakeOktaServer;
let org: FakeOrg;
let db: Db;
let pull: PullResult;
let bundleDir: string;

/** Independent restatement of the naming rule (balkanid-format.md B.1), from the model's raw profile. */
function expectedUserName(profile: FakeOrg['users'][number]['profile']): string {
  if (profile.displayName && profile.displayName.trim() !== '') return profile.displayName;
  const parts = [profile.firstName, profile.lastName].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : profile.login;
}

function roleKey(assignment: { type: string; role?: string }): string {
  return assignment.type === 'CUSTOM' ? assignment.role! : assignment.type;
}

function countKeys(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

beforeAll(async () => {
  org = generateOrg({ seed: 'integration', users: 2000, groups: 150, apps: 40 });
  server = await startFakeOktaServer({ org, apiToken: TOKEN });
  const dir = tempDir();
  db = openDatabase(path.join(dir, 'cache.sqlite'));
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  pull = await pullOrg({ db, client, includeFactors: true, appVersion: APP_VERSION });
  bundleDir = path.join(dir, 'bundle');
  await exportBundle({ db, snapshotId: pull.snapshotId, outDir: bundleDir, appVersion: APP_VERSION });
}, 300_000);

afterAll(async () => {
  db?.close();
  await server?.close();
});

describe('full pull and export of a generated org', () => {
  it('pulls a complete snapshot with no gaps', () => {
    expect(pull.gaps).toEqual([]);
    expect(db.prepare(`SELECT status FROM snapshots WHERE id = ?`).pluck().get(pull.snapshotId)).toBe('complete');
    expect(pull.counts.users).toBe(org.users.length);
  });

  it('writes every entity exactly once, and nothing else', () => {
    const { entities } = readBundle(bundleDir);
    const keys = entities.rows.map((row) => `${row['Entity Type']}|${row['Source Type']}|${row['Source ID']}`);
    const roleKeys = new Set<string>(org.customRoles.map((role) => role.id));
    for (const list of [...org.userRoleAssignments.values(), ...org.groupRoleAssignments.values()])
      for (const a of list) roleKeys.add(roleKey(a));
    const expected = [
      ...org.users.map((user) => `identity|user|${user.id}`),
      ...org.groups.map((group) => `connection|group|${group.id}`),
      ...[...roleKeys].map((key) => `connection|role|${key}`),
      ...org.apps.map((app) => `resource|app|${app.id}`),
    ];
    expect([...countKeys(keys).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(keys)).toEqual(new Set(expected));
    expect(keys.length).toBe(expected.length);
    // Users of every status are there, DEPROVISIONED included.
    const statuses = new Set(
      entities.rows.filter((r) => r['Entity Type'] === 'identity').map((r) => JSON.parse(r.Metadata).status),
    );
    expect(statuses).toEqual(new Set(org.users.map((user) => user.status)));
    expect(statuses.has('DEPROVISIONED')).toBe(true);
  });

  it('writes every membership, direct and group assignment and role exactly once, and nothing else', () => {
    const { relations } = readBundle(bundleDir);
    const keys = relations.rows.map(
      (row) =>
        `${row['Parent Entity Type']}|${row['Parent Entity Source ID']}|` +
        `${row['Entity Type']}|${row['Entity Source ID']}|${JSON.parse(row.Metadata).privilegeName}`,
    );
    const expected: string[] = [];
    for (const [groupId, userIds] of org.groupMembers)
      for (const userId of userIds) expected.push(`identity|${userId}|connection|${groupId}|member`);
    for (const [appId, users] of org.directAppAssignments)
      for (const { userId } of users) expected.push(`identity|${userId}|resource|${appId}|assigned`);
    for (const [appId, groups] of org.appGroupAssignments)
      for (const { groupId } of groups) expected.push(`connection|${groupId}|resource|${appId}|assigned`);
    for (const [userId, roles] of org.userRoleAssignments)
      for (const key of new Set(roles.map(roleKey))) expected.push(`identity|${userId}|connection|${key}|admin`);
    for (const [groupId, roles] of org.groupRoleAssignments)
      for (const key of new Set(roles.map(roleKey))) expected.push(`connection|${groupId}|connection|${key}|admin`);
    const counts = countKeys(keys);
    const duplicates = [...counts].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
    expect(new Set(keys)).toEqual(new Set(expected));
    expect(keys.length).toBe(new Set(expected).size);
    expect(expected.length).toBeGreaterThan(2000);
  });

  it('keeps BalkanID relation metadata: project, boolean privilegeValue, connection types', () => {
    const { relations } = readBundle(bundleDir);
    const byType = new Map<string, number>();
    for (const row of relations.rows) {
      const metadata = JSON.parse(row.Metadata);
      expect(metadata.project).toBe(server.url);
      expect(metadata.privilegeValue).toBe(true);
      expect(row['Metadata Version']).toBe('v1');
      expect(row['Source System']).toBe('okta');
      byType.set(metadata.connectionType, (byType.get(metadata.connectionType) ?? 0) + 1);
    }
    expect([...byType.keys()].sort()).toEqual(['direct', 'group', 'role']);
    // Direct assignments carry the app user name Okta reports.
    const [appId, users] = [...org.directAppAssignments].find(([, list]) => list.length > 0)!;
    const row = relations.rows.find(
      (r) => r['Entity Source ID'] === appId && r['Parent Entity Source ID'] === users[0]!.userId,
    )!;
    expect(JSON.parse(row.Metadata).appUsername).toBe(users[0]!.userName);
  });

  it('keeps hard strings exactly: Name cells parse back to the Okta values', () => {
    const { entities } = readBundle(bundleDir);
    const names = new Map(entities.rows.map((row: CsvRow) => [row['Source ID'], row.Name]));
    for (const user of org.users) expect(names.get(user.id)).toBe(expectedUserName(user.profile));
    for (const group of org.groups) expect(names.get(group.id)).toBe(group.profile.name);
    for (const app of org.apps) expect(names.get(app.id)).toBe(app.label);
    const allNames = [...names.values()].join('\n');
    // The generator's hard cases really are in the file (so the test above proves something).
    expect(allNames).toMatch(/,/);
    expect(allNames).toMatch(/"/);
    expect(allNames).toMatch(/\r\n|\n/);
    expect(allNames).toMatch(/\p{Script=Han}|\p{Script=Arabic}/u);
    expect(allNames).toMatch(/\p{Extended_Pictographic}/u);
    expect([...names.values()].some((name) => /^[=+\-@]/.test(name))).toBe(true);
    const descriptions = entities.rows
      .filter((r) => r['Source Type'] === 'group')
      .map((r) => JSON.parse(r.Metadata || '{}').description ?? '');
    for (const group of org.groups) {
      const expectedDescription = group.profile.description ?? '';
      expect(descriptions).toContain(expectedDescription);
    }
  });

  it('exports byte-identical files twice, and the manifest checksums and counts match them', async () => {
    const second = path.join(tempDir(), 'again');
    await exportBundle({ db, snapshotId: pull.snapshotId, outDir: second, appVersion: APP_VERSION });
    for (const name of ['entities.csv', 'entity-relations.csv']) {
      expect(fs.readFileSync(path.join(second, name)).equals(fs.readFileSync(path.join(bundleDir, name)))).toBe(true);
    }
    const { manifest, entities, relations } = readBundle(bundleDir);
    const sha = (name: string) =>
      createHash('sha256')
        .update(fs.readFileSync(path.join(bundleDir, name)))
        .digest('hex');
    expect(manifest.files.entities[0].sha256).toBe(sha('entities.csv'));
    expect(manifest.files.relations[0].sha256).toBe(sha('entity-relations.csv'));
    expect(manifest.files.entities[0].rows).toBe(entities.rows.length);
    expect(manifest.files.relations[0].rows).toBe(relations.rows.length);
    expect(manifest.entities.identity.user).toBe(org.users.length);
    expect(manifest.entities.connection.group).toBe(org.groups.length);
    expect(manifest.entities.resource.app).toBe(org.apps.length);
    expect(manifest.orgUrl).toBe(server.url);
    expect(manifest.snapshot.id).toBe(pull.snapshotId);
    expect(manifest.appVersion).toBe(APP_VERSION);
    const relationTotal = Object.values(manifest.relations as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(relationTotal).toBe(relations.rows.length);
    expect(Object.values(manifest.relationsSkipped as Record<string, number>).every((n) => n === 0)).toBe(true);
    expect(manifest.validation.errors).toBe(0);
  });

  it('sorts rows: entities by type then Source ID, relations by parent then child', () => {
    const { entities, relations } = readBundle(bundleDir);
    const entityKeys = entities.rows.map((r) => [r['Entity Type'], r['Source ID']].join('\u0000'));
    expect(entityKeys).toEqual([...entityKeys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    const relationKeys = relations.rows.map((r) => r['Parent Entity Source ID']);
    expect(relationKeys).toEqual([...relationKeys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('records MFA factors in user metadata when factors were pulled', () => {
    const { entities } = readBundle(bundleDir);
    const withFactors = org.users.find((user) => (org.factors.get(user.id) ?? []).some((f) => f.status === 'ACTIVE'))!;
    const row = entities.rows.find((r) => r['Source ID'] === withFactors.id)!;
    const metadata = JSON.parse(row.Metadata);
    expect(metadata.mfaEnabled).toBe(true);
    const activeTypes = [
      ...new Set(
        org.factors
          .get(withFactors.id)!
          .filter((f) => f.status === 'ACTIVE')
          .map((f) => f.factorType),
      ),
    ].sort();
    expect(metadata.mfaFactors).toEqual(activeTypes);
  });
});
