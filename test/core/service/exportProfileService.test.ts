// The service checks every export mapping sent to it (ajv and the mapping rules) before any work starts, keeps the
// Export screen's choices as a private profile file in the data folder, and writes any profile attribute name.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PROFILE_FORMAT } from '../../../shared/balkanid/exportProfile';
import { DEFAULT_EXPORT_MAPPING } from '../../../shared/balkanid/exportMapping';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { EXPORT_PROFILE_FILE_NAME } from '../../../electron/core/service/exportProfileMethods';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../../electron/core/okta/auth';
import { OktaClient } from '../../../electron/core/okta/oktaClient';
import { pullOrg } from '../../../electron/core/pull/pullOrg';
import { serviceOverFolder, type ServiceOverFolder } from '../../helpers/serviceOverFolder';
import { useTempDirs } from '../../helpers/tempDir';
import type { ExportPreview } from '../../../shared/service/types';

const TOKEN = 'export-profile-service-token';
const ODD_NAMES = ['cost,center', 'say "hi"', 'constructor', '__proto__'];
const tempDir = useTempDirs();
let okta: FakeOktaServer;
let dataFolder: string;
let opened: ServiceOverFolder;
let dispatch: ReturnType<typeof createDispatcher>;
let snapshotId: number;

beforeAll(async () => {
  okta = await startFakeOktaServer({
    org: generateOrg({ seed: 'export-profile', users: 60, groups: 8, apps: 5, customProfileAttributes: ODD_NAMES }),
    apiToken: TOKEN,
  });
  dataFolder = tempDir();
  opened = serviceOverFolder(dataFolder);
  dispatch = createDispatcher(opened.service, { logger: () => undefined });
  const client = new OktaClient({ orgUrl: okta.url, auth: new SswsTokenAuth(TOKEN) });
  snapshotId = (await pullOrg({ db: opened.db, client, includeFactors: false, appVersion: 'test' })).snapshotId;
});
afterAll(async () => {
  await opened?.service.close();
  opened?.db.close();
  await okta?.close();
});

async function failure(method: string, params: unknown) {
  const result = await dispatch(method, params);
  if (result.ok) throw new Error(`${method} was accepted: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

describe('export mapping through the service', () => {
  it('refuses a bad mapping before any work starts, saying which choice and why', async () => {
    const empty = await failure('export.preview', { snapshotId, options: { mapping: { sourceType: { app: ' ' } } } });
    expect(empty).toEqual({
      code: 'INVALID_PARAMS',
      message: 'params.options: Source Type of apps is empty: give it a value',
    });
    const collision = await failure('export.start', {
      snapshotId,
      outDir: path.join(tempDir(), 'never'),
      options: { mapping: { metadataKeys: { username: 'email' } } },
    });
    expect(collision.message).toBe(
      'params.options: in user metadata, "username" and "email" would both be written as "email": give them ' +
        'different names',
    );
    const unknown = await failure('validate.snapshot', {
      snapshotId,
      options: { mapping: { sourceType: { x: 'y' } } },
    });
    expect(unknown.message).toContain('"x" is not a kind sourceType is chosen for: choose from user, group, app, role');
    expect(await opened.service['jobs.list']({})).toEqual([]); // nothing was started
  });

  it('writes any profile attribute name as a metadata key, in the order chosen', async () => {
    const result = await dispatch('export.preview', {
      snapshotId,
      options: { userAttributes: ['username', ...ODD_NAMES], mapping: { sourceType: { user: 'person' } } },
      rows: 100,
    });
    if (!result.ok) throw new Error(result.error.message);
    const preview = result.value as ExportPreview;
    const person = preview.files[0]!.rows.find((cells) => cells[5] === 'person')!;
    const metadata = JSON.parse(person[7]!) as Record<string, string>;
    expect(Object.keys(metadata)).toEqual(['username', ...ODD_NAMES]);
    expect(Object.hasOwn(metadata, '__proto__')).toBe(true);
    expect(metadata.constructor).toBe(`constructor of ${metadata.username}`);
    expect(metadata['cost,center']).toBe(`cost,center of ${metadata.username}`);
  });
});

describe('user statuses of a snapshot through the service', () => {
  it('counts every user once under its status, in status order', async () => {
    const result = await dispatch('snapshots.userStatuses', { snapshotId });
    if (!result.ok) throw new Error(result.error.message);
    const statuses = result.value as { status: string; users: number }[];
    expect(statuses.reduce((sum, entry) => sum + entry.users, 0)).toBe(60);
    expect(statuses.map((entry) => entry.status)).toEqual(statuses.map((entry) => entry.status).sort());
    expect(statuses.map((entry) => entry.status)).toContain('SUSPENDED');
    expect(await failure('snapshots.userStatuses', { snapshotId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('export preview through the service', () => {
  it('previews the file of the chosen format, and only users of the chosen statuses', async () => {
    const flat = await dispatch('export.preview', { snapshotId, options: { format: 'entitlements' }, rows: 4 });
    if (!flat.ok) throw new Error(flat.error.message);
    const [file, ...more] = (flat.value as ExportPreview).files;
    expect(more).toEqual([]);
    expect(file!.name).toBe('entitlements.csv');
    expect(file!.text.startsWith('Project,Privilege Name,Privilege Value,Email,User ID,')).toBe(true);
    expect(file!.rows).toHaveLength(4);

    const options = { userStatuses: ['SUSPENDED'], userAttributes: ['status'], relationKinds: [] };
    const suspended = await dispatch('export.preview', { snapshotId, options, rows: 100 });
    if (!suspended.ok) throw new Error(suspended.error.message);
    const users = (suspended.value as ExportPreview).files[0]!.rows.filter((cells) => cells[5] === 'user');
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((cells) => (JSON.parse(cells[7]!) as { status: string }).status))).toEqual(
      new Set(['SUSPENDED']),
    );
  });
});

describe('profile attributes of a snapshot through the service', () => {
  it('lists every attribute its users hold, odd names as they are, the same when asked again', async () => {
    const first = await dispatch('snapshots.profileAttributes', { snapshotId });
    if (!first.ok) throw new Error(first.error.message);
    const attributes = first.value as { name: string; users: number }[];
    for (const name of [...ODD_NAMES, 'login', 'email']) expect(attributes).toContainEqual({ name, users: 60 });
    expect(attributes.map((attribute) => attribute.name)).toEqual(
      [...attributes.map((attribute) => attribute.name)].sort(),
    );
    expect(await dispatch('snapshots.profileAttributes', { snapshotId })).toEqual(first);
    expect(await failure('snapshots.profileAttributes', { snapshotId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('saved export choices', () => {
  it('starts from the defaults, saves a 0600 profile in the data folder, reads it back after a restart', async () => {
    const before = await dispatch('exportProfile.get', {});
    expect(before).toMatchObject({ ok: true, value: { saved: false, profile: { mapping: DEFAULT_EXPORT_MAPPING } } });

    const saved = await dispatch('exportProfile.save', {
      profile: {
        format: EXPORT_PROFILE_FORMAT,
        version: 1,
        mapping: { sourceType: { app: ' application ' }, metadataKeys: { username: 'login' } },
        userAttributes: ['login', 'constructor', 'login'],
        relationKinds: ['groupMembership'],
      },
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const file = path.join(dataFolder, EXPORT_PROFILE_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(saved.value).toMatchObject({
      saved: true,
      profile: {
        mapping: { sourceType: { app: 'application', user: 'user' }, metadataKeys: { username: 'login' } },
        userAttributes: ['login', 'constructor'],
        relationKinds: ['groupMembership'],
        flattenGroupAppAssignments: false,
      },
      warnings: [expect.objectContaining({ path: 'metadataKeys.username' })],
    });

    const restarted = serviceOverFolder(dataFolder);
    try {
      const reread = await restarted.service['exportProfile.get']({});
      expect(reread.profile).toEqual((saved.value as { profile: unknown }).profile);
      expect(reread.saved).toBe(true);
    } finally {
      await restarted.service.close();
      restarted.db.close();
    }
  });

  it('refuses a bad profile and keeps the saved one; a damaged file gives the defaults with a notice', async () => {
    const file = path.join(dataFolder, EXPORT_PROFILE_FILE_NAME);
    const kept = fs.readFileSync(file, 'utf8');
    const bad = await failure('exportProfile.save', {
      profile: { format: EXPORT_PROFILE_FORMAT, version: 1, mapping: { sourceType: { group: 'role' } } },
    });
    expect(bad.message).toMatch(/groups and admin roles would both have Source Type "role"/);
    const wrongFormat = await failure('exportProfile.save', { profile: { format: 'other', version: 1 } });
    expect(wrongFormat.message).toBe(`params.profile.format must be "${EXPORT_PROFILE_FORMAT}"`);
    expect(fs.readFileSync(file, 'utf8')).toBe(kept);

    fs.writeFileSync(file, '{"format": "okta-prep/export-profile", "version": 1, "mapping": ');
    const damaged = await opened.service['exportProfile.get']({});
    expect(damaged.saved).toBe(false);
    expect(damaged.profile.mapping).toEqual(DEFAULT_EXPORT_MAPPING);
    expect(damaged.notice).toMatch(/is not JSON .*The defaults are shown; saving replaces the file\.$/);
  });
});
