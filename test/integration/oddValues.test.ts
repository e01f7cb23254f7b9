// A real-looking odd org (fake server option `oddValues`): values Okta never documented, fields the code needs that
// are missing, a null item and relations whose other end was never listed. The pull must complete, keep every odd
// value as it came, warn once per new value, apply the stated fallbacks, and the export must validate and count
// what it left out.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, type ExportBundleResult } from '../../electron/core/export/exportBundle';
import { validateCsvFiles } from '../../electron/core/balkanid/validator/index';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import { ODD_VALUES, ODD_VALUE_IDS } from '../../electron/core/fake-okta/oddValues';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg, type PullResult } from '../../electron/core/pull/pullOrg';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { listSnapshotLog } from '../../electron/core/store/snapshotLog';
import { readBundle } from '../helpers/readBundle';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'odd-values-test-token-0000000000';
const tempDir = useTempDirs();
let server: FakeOktaServer;
let org: FakeOrg;
let db: Db;
let pull: PullResult;
let exported: ExportBundleResult;

const row = (sql: string, ...params: unknown[]) =>
  db.prepare(sql).get(pull.snapshotId, ...params) as Record<string, any>;
/** The plain user listing leaves DEPROVISIONED users out: the odd values are on its first users. */
const listedUser = (index: number) => org.users.filter((user) => user.status !== 'DEPROVISIONED')[index]!;
const logOf = (code: string) => listSnapshotLog(db, pull.snapshotId).filter((entry) => entry.code === code);

beforeAll(async () => {
  org = generateOrg({ seed: 'odd-values', users: 60, groups: 8, apps: 5 });
  server = await startFakeOktaServer({ org, apiToken: TOKEN, oddValues: true });
  db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  pull = await pullOrg({ db, client, includeFactors: true, appVersion: 'test' });
  exported = await exportBundle({
    db,
    snapshotId: pull.snapshotId,
    outDir: path.join(tempDir(), 'bundle'),
    appVersion: 'test',
  });
}, 60_000);
afterAll(async () => {
  db?.close();
  await server?.close();
});

describe('a pull of an org with odd values', () => {
  it('completes with every listed user and group (the null items skipped and said)', () => {
    expect(pull.counts.users).toBe(org.users.length);
    expect(pull.counts.groups).toBe(org.groups.length);
    expect(
      logOf('item-skipped')
        .map((entry) => entry.subject)
        .sort(),
    ).toEqual(['groups', 'users']);
  });

  it('keeps values Okta never documented as they came', () => {
    expect(row(`SELECT status FROM users WHERE snapshot_id = ? AND id = ?`, listedUser(0).id).status).toBe(
      ODD_VALUES.userStatus,
    );
    expect(row(`SELECT sign_on_mode FROM apps WHERE snapshot_id = ? AND id = ?`, org.apps[1]!.id).sign_on_mode).toBe(
      ODD_VALUES.signOnMode,
    );
    expect(
      row(`SELECT label, role_type FROM roles WHERE snapshot_id = ? AND role_key = ?`, ODD_VALUES.roleType),
    ).toEqual({
      label: 'Brand-new administrator',
      role_type: ODD_VALUES.roleType,
    });
    expect(
      row(`SELECT count(*) AS n FROM factors WHERE snapshot_id = ? AND factor_type = ?`, ODD_VALUES.factorType).n,
    ).toBeGreaterThan(1);
    const extra = JSON.parse(row(`SELECT raw FROM users WHERE snapshot_id = ? AND id = ?`, listedUser(2).id).raw);
    expect(extra).toMatchObject({
      newOktaField: { since: '2031' },
      profile: { favouriteColour: 'teal', badgeNumber: 4711 },
    });
  });

  it('warns exactly once per new value, however often it appears', () => {
    const subjects = logOf('new-value')
      .map((entry) => entry.subject)
      .sort();
    expect(subjects).toEqual(
      [
        `app signOnMode=${ODD_VALUES.signOnMode}`,
        `factor type=${ODD_VALUES.factorType}`,
        `role type=${ODD_VALUES.roleType}`,
        `user status=${ODD_VALUES.userStatus}`,
      ].sort(),
    );
  });

  it('applies the stated fallbacks and says each', () => {
    const loginless = listedUser(1);
    expect(row(`SELECT login FROM users WHERE snapshot_id = ? AND id = ?`, loginless.id).login).toBe(
      loginless.profile.email,
    );
    expect(
      JSON.parse(row(`SELECT raw FROM users WHERE snapshot_id = ? AND id = ?`, loginless.id).raw).profile.login,
    ).toBeUndefined();
    const unnamed = org.groups.find((group) => group.type === 'OKTA_GROUP')!;
    expect(row(`SELECT name FROM groups WHERE snapshot_id = ? AND id = ?`, unnamed.id).name).toBe(
      `(unnamed group ${unnamed.id})`,
    );
    expect(row(`SELECT name, label FROM apps WHERE snapshot_id = ? AND id = ?`, org.apps[0]!.id)).toEqual({
      name: org.apps[0]!.label,
      label: org.apps[0]!.label,
    });
    expect(row(`SELECT label FROM apps WHERE snapshot_id = ? AND id = ?`, org.apps[2]!.id).label).toBe(
      org.apps[2]!.name,
    );
    expect(
      logOf('fallback')
        .map((entry) => entry.subject)
        .sort(),
    ).toEqual(['app label', 'app name', 'group profile.name', 'user profile.login']);
  });

  it('counts relations whose other end was never listed, per kind', () => {
    expect(pull.relationsLeftOut).toEqual({ directAppAssignment: 1, userAdminRole: 1 });
    expect(
      logOf('relation-end-unlisted')
        .map((entry) => entry.subject)
        .sort(),
    ).toEqual(['directAppAssignment', 'userAdminRole']);
    expect(
      row(
        `SELECT count(*) AS n FROM users WHERE snapshot_id = ? AND id IN (?, ?)`,
        ODD_VALUE_IDS.unlistedAppUser,
        ODD_VALUE_IDS.unlistedRoleHolder,
      ).n,
    ).toBe(0);
  });
});

describe('the export of that snapshot', () => {
  it('validates, leaves out the relations without both ends and counts them in the manifest', async () => {
    expect(exported.validation.errorCount).toBe(0);
    const files = exported.manifest.files;
    const again = await validateCsvFiles({
      entitiesPath: path.join(exported.outDir, files.entities![0]!.name),
      relationsPath: path.join(exported.outDir, files.relations![0]!.name),
    });
    expect(again.errorCount).toBe(0);
    expect(exported.manifest.relationsSkipped).toMatchObject({
      directAppAssignment: 1,
      userAdminRole: 1,
      groupMembership: 0,
    });
    const { relations } = readBundle(exported.outDir);
    const ghosts = new Set<string>(Object.values(ODD_VALUE_IDS));
    expect(relations.rows.filter((relation) => ghosts.has(relation['Parent Entity Source ID']))).toEqual([]);
  });

  it('counts the same relations left out whether every status is exported or a status list is given', async () => {
    // Every status exported takes the count from what was written; a status list counts by the kinds' joins.
    const statuses = db.prepare(`SELECT DISTINCT status FROM users WHERE snapshot_id = ?`).pluck().all(pull.snapshotId);
    const filtered = await exportBundle({
      db,
      snapshotId: pull.snapshotId,
      outDir: path.join(tempDir(), 'bundle-by-status'),
      options: { userStatuses: statuses as string[] },
      appVersion: 'test',
    });
    expect(filtered.manifest.relationsSkipped).toEqual(exported.manifest.relationsSkipped);
    expect(exported.manifest.relationsSkipped).toMatchObject(pull.relationsLeftOut);
  });

  it('exports the odd values as they came and the fallback names', () => {
    const { entities } = readBundle(exported.outDir);
    const bySourceId = new Map(entities.rows.map((entity) => [entity['Source ID'], entity]));
    expect(JSON.parse(bySourceId.get(listedUser(0).id)!.Metadata).status).toBe(ODD_VALUES.userStatus);
    expect(JSON.parse(bySourceId.get(org.apps[1]!.id)!.Metadata).signOnMode).toBe(ODD_VALUES.signOnMode);
    expect(bySourceId.get(ODD_VALUES.roleType)!.Name).toBe('Brand-new administrator');
    const unnamed = org.groups.find((group) => group.type === 'OKTA_GROUP')!;
    expect(bySourceId.get(unnamed.id)!.Name).toBe(`(unnamed group ${unnamed.id})`);
    expect(
      entities.rows.some((entity) =>
        (JSON.parse(entity.Metadata || '{}').mfaFactors ?? []).includes(ODD_VALUES.factorType),
      ),
    ).toBe(true);
  });
});
