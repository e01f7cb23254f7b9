// Saving a connection tests it first: a token Okta rejects (401, or 403 on listing users) and an org that cannot be
// reached store nothing and leave the earlier connection as it was. Several orgs can be saved, listed, switched
// between and removed, each with its own secret; an unreachable org is reported once, with every check not run.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { MemorySecretStore } from '../../../electron/core/service/secretStore';
import { serviceOverFolder } from '../../helpers/serviceOverFolder';
import { useTempDirs } from '../../helpers/tempDir';

const TOKEN_A = 'token-of-org-a-SECRET';
const TOKEN_B = 'token-of-org-b-SECRET';
const ALL_CHECKS = ['users', 'groups', 'group members', 'apps', 'app assignments', 'admin roles', 'factors'];
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
const closers: Array<() => Promise<void>> = [];
let orgA: FakeOktaServer;
let orgB: FakeOktaServer;
let noUsersOrg: FakeOktaServer;
let htmlOrg: FakeOktaServer;
let closedPortUrl: string;

async function fakeOrg(seed: string, token: string, extra: object = {}): Promise<FakeOktaServer> {
  const server = await startFakeOktaServer({
    org: generateOrg({ seed, users: 15, groups: 3, apps: 2 }),
    apiToken: token,
    ...extra,
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  orgA = await fakeOrg('org-a', TOKEN_A);
  orgB = await fakeOrg('org-b', TOKEN_B);
  noUsersOrg = await fakeOrg('no-users', TOKEN_A, { permissions: { users: false } });
  htmlOrg = await fakeOrg('html', TOKEN_A, { oddAnswers: [{ pathPrefix: '/', answer: 'html' }] });
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as net.AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
  for (const close of closers) await close();
  for (const server of servers) await server.close();
});

function startService(dataFolder = tempDir(), secrets = new MemorySecretStore()) {
  const { service, db } = serviceOverFolder(dataFolder, { secrets });
  closers.push(async () => {
    await service.close();
    db.close();
  });
  return { service, secrets, dataFolder };
}

async function failureOf(call: Promise<unknown>): Promise<{ code?: string; message: string }> {
  const error = (await call.then(
    () => new Error('expected a failure'),
    (caught: unknown) => caught,
  )) as { code?: string; message: string };
  return { code: error.code, message: error.message };
}

describe('test before save', () => {
  it('stores nothing for a token Okta rejects (401), and keeps the earlier connection and its secret', async () => {
    const { service, secrets, dataFolder } = startService();
    await service['connection.save']({ orgUrl: orgA.url, auth: { kind: 'ssws', token: TOKEN_A } });
    const savedFile = fs.readFileSync(path.join(dataFolder, 'connection.json'), 'utf8');

    const failure = await failureOf(
      service['connection.save']({ orgUrl: orgB.url, auth: { kind: 'ssws', token: 'wrong-token-XYZ' } }),
    );
    expect(failure.code).toBe('OKTA_AUTH');
    expect(failure.message).toMatch(/token rejected by .* Nothing was saved\.$/);
    expect(failure.message).not.toContain('wrong-token-XYZ');
    expect(await secrets.get(`okta-credentials:${orgB.url}`)).toBeUndefined();
    expect(fs.readFileSync(path.join(dataFolder, 'connection.json'), 'utf8')).toBe(savedFile);
    expect((await service['connection.list']({})).map((entry) => entry.orgUrl)).toEqual([orgA.url]);
    expect(JSON.parse((await secrets.get(`okta-credentials:${orgA.url}`))!)).toEqual({ kind: 'ssws', token: TOKEN_A });
  });

  it('stores nothing for a token refused on listing users (403)', async () => {
    const { service, secrets, dataFolder } = startService();
    const failure = await failureOf(
      service['connection.save']({ orgUrl: noUsersOrg.url, auth: { kind: 'ssws', token: TOKEN_A } }),
    );
    expect(failure).toEqual({ code: 'OKTA_AUTH', message: expect.stringMatching(/refused to list users.*saved\.$/) });
    expect(await secrets.get(`okta-credentials:${noUsersOrg.url}`)).toBeUndefined();
    expect(fs.existsSync(path.join(dataFolder, 'connection.json'))).toBe(false);
    expect(await service['connection.get']({})).toBeNull();
  });

  it('stores nothing for an org that cannot be reached, and says it could not connect', async () => {
    const { service, dataFolder } = startService();
    for (const orgUrl of [closedPortUrl, htmlOrg.url]) {
      const failure = await failureOf(service['connection.save']({ orgUrl, auth: { kind: 'ssws', token: TOKEN_A } }));
      expect(failure.code).toBe('OKTA_UNAVAILABLE');
      expect(failure.message).toMatch(new RegExp(`^Okta Prep could not connect to ${orgUrl}: .*Nothing was saved\\.$`));
      expect(failure.message).not.toMatch(/pull/);
    }
    expect(fs.existsSync(path.join(dataFolder, 'connections.json'))).toBe(false);
  });
});

describe('connection test of an org that cannot be reached', () => {
  it('says so once, in words about connecting, with every check it could not run', async () => {
    const { service } = startService();
    const closed = await service['connection.test']({ orgUrl: closedPortUrl, auth: { kind: 'ssws', token: 'x' } });
    expect(closed).toEqual({
      orgUrl: closedPortUrl,
      ok: false,
      checks: [],
      unreachable: {
        message: expect.stringMatching(/^Okta Prep could not connect to .*: the connection failed \(ECONNREFUSED\)/),
        checksNotRun: ALL_CHECKS,
      },
    });
    const html = await service['connection.test']({ orgUrl: htmlOrg.url, auth: { kind: 'ssws', token: TOKEN_A } });
    expect(html.unreachable!.message).toMatch(/it answered with an HTML page instead of JSON \(perhaps a captive/);
    for (const report of [closed, html]) expect(report.unreachable!.message).not.toMatch(/pull|resume/i);
    expect(await service['connection.get']({})).toBeNull(); // testing saved nothing
  });
});

describe('saved connections', () => {
  it('lists two orgs, switches between them, and removes one with its secret only', async () => {
    const { service, secrets } = startService();
    await service['connection.save']({ orgUrl: orgA.url, auth: { kind: 'ssws', token: TOKEN_A } });
    await service['connection.save']({ orgUrl: orgB.url, auth: { kind: 'ssws', token: TOKEN_B } });
    const listed = await service['connection.list']({});
    expect(listed.map(({ orgUrl, current, hasSecret }) => ({ orgUrl, current, hasSecret }))).toEqual(
      [
        { orgUrl: orgA.url, current: false, hasSecret: true },
        { orgUrl: orgB.url, current: true, hasSecret: true },
      ].sort((x, y) => x.orgUrl.localeCompare(y.orgUrl)),
    );
    expect(JSON.stringify(listed)).not.toMatch(/SECRET/);

    expect((await service['connection.use']({ orgUrl: orgA.url })).orgUrl).toBe(orgA.url);
    expect((await service['connection.test']({})).orgUrl).toBe(orgA.url); // uses A's own token

    const left = await service['connection.remove']({ orgUrl: orgB.url });
    expect(left).toEqual([expect.objectContaining({ orgUrl: orgA.url, current: true })]);
    expect(await secrets.get(`okta-credentials:${orgB.url}`)).toBeUndefined();
    expect(await secrets.get(`okta-credentials:${orgA.url}`)).toBeDefined();

    await service['connection.remove']({ orgUrl: orgA.url });
    expect(await service['connection.get']({})).toBeNull();
    expect(await service['connection.list']({})).toEqual([]);
    expect((await failureOf(service['connection.remove']({ orgUrl: orgA.url }))).code).toBe('NOT_FOUND');
  });

  it("adopts the secret an older version kept under one name as the saved connection's own", async () => {
    const dataFolder = tempDir();
    const secrets = new MemorySecretStore();
    await secrets.set('okta-credentials', JSON.stringify({ kind: 'ssws', token: TOKEN_A }));
    fs.writeFileSync(
      path.join(dataFolder, 'connection.json'),
      JSON.stringify({ orgUrl: orgA.url, authKind: 'ssws', isSampleOrg: false }),
    );
    const { service } = startService(dataFolder, secrets);
    expect(await service['connection.get']({})).toMatchObject({ orgUrl: orgA.url, hasSecret: true });
    expect((await service['connection.test']({})).ok).toBe(true);
    expect(await secrets.get('okta-credentials')).toBeUndefined();
    expect(await service['connection.list']({})).toEqual([expect.objectContaining({ orgUrl: orgA.url })]);
  });
});
