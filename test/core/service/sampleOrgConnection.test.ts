// Trying the sample org through the real service: it connects and pulls with its own throw-away token, and the
// saved real connection — org URL and credentials in the secret store — is left exactly as it was, across restarts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { MemorySecretStore } from '../../../electron/core/service/secretStore';
import { createServiceClient } from '../../../shared/service/client';
import { useTempDirs } from '../../helpers/tempDir';
import { serviceOverFolder } from '../../helpers/serviceOverFolder';

const REAL_TOKEN = 'real-org-token-KEEP-ME';
const tempDir = useTempDirs();
const running: Array<() => Promise<void>> = [];
let realOrg: FakeOktaServer;
const SECRET_OF_REAL_ORG = () => `okta-credentials:${realOrg.url}`;

beforeAll(async () => {
  realOrg = await startFakeOktaServer({
    org: generateOrg({ seed: 'real-org', users: 10, groups: 3, apps: 2 }),
    apiToken: REAL_TOKEN,
  });
});
afterAll(async () => {
  await realOrg?.close();
});

afterEach(async () => {
  for (const close of running.splice(0).reverse()) await close();
});

/** One service "run" over a data folder and secret store that outlive it (like the app across restarts). */
function startService(dataFolder: string, secrets: MemorySecretStore) {
  const { service, db } = serviceOverFolder(dataFolder, { secrets });
  running.push(async () => {
    await service.close();
    db.close();
  });
  return createServiceClient({ call: createDispatcher(service), onEvent: () => () => undefined });
}

describe('sample org and saved credentials', () => {
  it('connects to the sample org without saving its token over the saved real connection', async () => {
    const dataFolder = tempDir();
    const secrets = new MemorySecretStore();
    const client = startService(dataFolder, secrets);
    await client.call('connection.save', { orgUrl: realOrg.url, auth: { kind: 'ssws', token: REAL_TOKEN } });
    const savedSecret = await secrets.get(SECRET_OF_REAL_ORG());
    const savedFile = fs.readFileSync(path.join(dataFolder, 'connection.json'), 'utf8');

    const sample = await client.call('connection.useSampleOrg', {});
    expect(sample).toMatchObject({
      isSampleOrg: true,
      hasSecret: true,
      authKind: 'ssws',
      orgUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect((await client.call('connection.test', {})).ok).toBe(true); // the sample org's own token works

    expect(await secrets.get(SECRET_OF_REAL_ORG())).toBe(savedSecret);
    expect(await client.call('connection.list', {})).toEqual([
      expect.objectContaining({ orgUrl: realOrg.url, hasSecret: true, current: false }),
    ]);
    expect(JSON.parse(savedSecret!)).toEqual({ kind: 'ssws', token: REAL_TOKEN });
    expect(fs.readFileSync(path.join(dataFolder, 'connection.json'), 'utf8')).toBe(savedFile);
  });

  it('stays on the sample org after a restart, and saving a connection again switches back to it', async () => {
    const dataFolder = tempDir();
    const secrets = new MemorySecretStore();
    const first = startService(dataFolder, secrets);
    await first.call('connection.save', { orgUrl: realOrg.url, auth: { kind: 'ssws', token: REAL_TOKEN } });
    await first.call('connection.useSampleOrg', {});
    for (const close of running.splice(0)) await close();

    const second = startService(dataFolder, secrets);
    expect(await second.call('connection.get', {})).toMatchObject({ isSampleOrg: true, hasSecret: true });
    expect(JSON.parse((await secrets.get(SECRET_OF_REAL_ORG()))!)).toEqual({ kind: 'ssws', token: REAL_TOKEN });

    const real = await second.call('connection.use', { orgUrl: realOrg.url });
    expect(real).toMatchObject({
      orgUrl: realOrg.url,
      authKind: 'ssws',
      hasSecret: true,
      isSampleOrg: false,
    });
    expect(await second.call('connection.get', {})).toEqual(real);
  });
});
