// Integration with the fake Okta server's own OAuth endpoint (DPoP required): pulls with RS256 and ES256 keys in PEM
// and JWK form complete with the right counts; through the CLI a wrong key is exit 3 (no key material), a bad key file
// or
// half an OAuth setup exit 2.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../../electron/core/appInfo';
import { generateOrg, type FakeOrg } from '../../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../../electron/core/fake-okta/server';
import { createOktaAuth } from '../../../../electron/core/okta/oauth/createOktaAuth';
import { OktaClient } from '../../../../electron/core/okta/oktaClient';
import { pullOrg } from '../../../../electron/core/pull/pullOrg';
import { openDatabase } from '../../../../electron/core/store/openDatabase';
import { writePrivateFile } from '../../../helpers/privateFile';
import { runCli } from '../../../helpers/runCli';
import { useTempDirs } from '../../../helpers/tempDir';
import { expectNoKeyMaterial, makeKey } from './keyFixtures';

const CLIENT_ID = '0oa1fakeserver000001';
const rsa = makeKey('RSA', 'fake-rsa');
const ec = makeKey('EC', 'fake-ec');
const tempDir = useTempDirs();
let org: FakeOrg;
let server: FakeOktaServer;
let work: string;

beforeAll(async () => {
  org = generateOrg({ seed: 'oauth-fake-server', users: 200, groups: 20, apps: 10 });
  server = await startFakeOktaServer({
    org,
    oauth: { clientId: CLIENT_ID, publicJwks: { keys: [rsa.publicJwk, ec.publicJwk] }, requireDpop: true },
  });
  work = tempDir();
});

afterAll(async () => {
  await server?.close();
});

describe('pull from the fake Okta server with an OAuth service app (DPoP required)', () => {
  const cases = [
    { name: 'RS256, PKCS#8 PEM', privateKey: () => rsa.pkcs8Pem },
    { name: 'RS256, JWK', privateKey: () => JSON.stringify(rsa.privateJwk) },
    { name: 'ES256, SEC1 PEM', privateKey: () => ec.legacyPem },
    { name: 'ES256, JWK', privateKey: () => JSON.stringify(ec.privateJwk) },
  ];
  for (const [index, testCase] of cases.entries()) {
    it(`completes with the right counts (${testCase.name})`, async () => {
      const before = server.stats().tokenRequests;
      const auth = await createOktaAuth({
        kind: 'oauth',
        orgUrl: server.url,
        clientId: CLIENT_ID,
        privateKey: testCase.privateKey(),
      });
      const db = openDatabase(path.join(work, `pull-${index}.sqlite`));
      try {
        const result = await pullOrg({
          db,
          client: new OktaClient({ orgUrl: server.url, auth }),
          includeFactors: true,
          appVersion: APP_VERSION,
        });
        expect(result.gaps).toEqual([]);
        expect(result.counts).toMatchObject({ users: 200, groups: 20, apps: 10 });
        expect(result.counts.users).toBe(org.users.length);
      } finally {
        db.close();
      }
      const after = server.stats().tokenRequests;
      // One nonce challenge, one token for the whole pull.
      expect(after.nonceChallenges - before.nonceChallenges).toBe(1);
      expect(after.issued - before.issued).toBe(1);
      expect(after.rejected - before.rejected).toBe(0);
    });
  }

  it('pulls through the CLI with --client-id and --private-key-file', async () => {
    const keyFile = path.join(work, 'svc-rsa.pem');
    writePrivateFile(keyFile, rsa.legacyPem);
    const run = await runCli([
      'pull',
      '--org',
      server.url,
      '--db',
      path.join(work, 'cli.sqlite'),
      '--client-id',
      CLIENT_ID,
      '--private-key-file',
      keyFile,
    ]);
    expect(run.stderr).not.toContain('okta-prep:');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/users 200, groups 20, memberships \d+, apps 10/);
    expectNoKeyMaterial(run.stdout + run.stderr, rsa);
  });

  it('a wrong key fails through the CLI with exit 3, naming the client id without key material', async () => {
    const stranger = makeKey('EC', 'fake-ec');
    const keyFile = path.join(work, 'wrong.json');
    writePrivateFile(keyFile, JSON.stringify(stranger.privateJwk));
    const run = await runCli([
      'pull',
      '--org',
      server.url,
      '--db',
      path.join(work, 'wrong.sqlite'),
      '--client-id',
      CLIENT_ID,
      '--private-key-file',
      keyFile,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Okta rejected the client assertion for client ${CLIENT_ID}`);
    expect(run.stderr).toContain('(kid fake-ec)');
    expectNoKeyMaterial(run.stdout + run.stderr, stranger);
    expect(run.stdout + run.stderr).not.toMatch(/eyJ[\w-]{10,}\./);
  });

  it('an unusable key file is a usage error (exit 2) before any token request', async () => {
    const keyFile = path.join(work, 'public.pem');
    writePrivateFile(keyFile, rsa.publicKey.export({ type: 'spki', format: 'pem' }));
    const before = server.stats().tokenRequests.total;
    const run = await runCli([
      'pull',
      '--org',
      server.url,
      '--db',
      path.join(work, 'public.sqlite'),
      '--client-id',
      CLIENT_ID,
      '--private-key-file',
      keyFile,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the private key file ${keyFile} holds a public key`);
    expect(server.stats().tokenRequests.total).toBe(before);
  });

  it('half an OAuth setup, or both kinds of credentials, is a usage error (exit 2)', async () => {
    const keyFile = path.join(work, 'svc-rsa.pem');
    const half = await runCli(['pull', '--org', server.url, '--client-id', CLIENT_ID]);
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/--client-id needs --private-key-file FILE/);
    const both = await runCli(['pull', '--org', server.url, '--client-id', CLIENT_ID, '--private-key-file', keyFile], {
      env: { OKTA_API_TOKEN: 'x' },
    });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/OKTA_API_TOKEN is set/);
  });
});
