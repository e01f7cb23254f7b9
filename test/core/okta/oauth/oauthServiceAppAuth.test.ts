// OAuthServiceAppAuth against a real token endpoint on 127.0.0.1: nonce handshake, DPoP/Bearer, refresh, sharing, 401
// retry.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPrivateKey } from '../../../../electron/core/okta/oauth/loadPrivateKey';
import {
  OAuthServiceAppAuth,
  OKTA_PREP_SCOPES,
  type OAuthServiceAppAuthOptions,
} from '../../../../electron/core/okta/oauth/oauthServiceAppAuth';
import { OktaClient } from '../../../../electron/core/okta/oktaClient';
import { makeKey } from './keyFixtures';
import { startLocalOAuthServer, type LocalOAuthServer, type LocalOAuthServerOptions } from './localOAuthServer';

const CLIENT_ID = '0oa1svcapp0000000001';
const rsa = makeKey('RSA', 'rsa-kid-1');
const servers: LocalOAuthServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(
  serverOptions: Partial<LocalOAuthServerOptions> = {},
  authOptions: Partial<OAuthServiceAppAuthOptions> = {},
) {
  const server = await startLocalOAuthServer({
    clientId: CLIENT_ID,
    publicJwks: [rsa.publicJwk],
    requireDpop: true,
    nonce: 'nonce-A',
    ...serverOptions,
  });
  servers.push(server);
  const key = await loadPrivateKey(JSON.stringify(rsa.privateJwk));
  const auth = new OAuthServiceAppAuth({
    orgUrl: server.url,
    clientId: CLIENT_ID,
    key,
    retryDelayMs: () => 0,
    ...authOptions,
  });
  return { server, auth };
}

function expectNoSecrets(text: string, server: LocalOAuthServer): void {
  const signedJwts = server.tokenRequests.flatMap((record) =>
    record.proof === undefined ? [record.assertion] : [record.assertion, record.proof],
  );
  for (const jwt of signedJwts) expect(text).not.toContain(jwt.split('.')[2]);
  for (const token of server.issuedTokens) expect(text).not.toContain(token);
  for (const fragment of [rsa.privateJwk.d!, rsa.pkcs8Pem.split('\n')[1]!])
    expect(text).not.toContain(fragment.slice(0, 24));
}

async function failure(promise: Promise<unknown>): Promise<Error & { kind?: string; errorCode?: string }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: Error) => error,
  );
}

describe('OAuthServiceAppAuth', () => {
  it('does the DPoP nonce handshake, then sends DPoP-bound requests (ath, htu without query)', async () => {
    const { server, auth } = await setup();
    const client = new OktaClient({ orgUrl: server.url, auth });
    const page = await client.getPage<{ id: string }>('/api/v1/users?limit=200&search=x', 'users');
    expect(page.items).toEqual([{ id: 'u1' }]);
    expect(server.tokenRequests.map((r) => [r.nonce, r.outcome])).toEqual([
      [undefined, 'use_dpop_nonce'],
      ['nonce-A', 'issued'],
    ]);
    expect(server.apiRequests.map((r) => r.outcome)).toEqual(['ok']);
    const headers = await auth.headersFor('GET', `${server.url}/api/v1/groups`);
    expect(headers.Authorization).toBe(`DPoP ${server.issuedTokens[0]}`);
    expect(headers.DPoP).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(auth.tokenRequests).toBe(2);
  });

  it('uses Bearer when the app does not require DPoP', async () => {
    const { server, auth } = await setup({ requireDpop: false, nonce: undefined });
    const headers = await auth.headersFor('GET', `${server.url}/api/v1/users`);
    expect(headers).toEqual({ Authorization: `Bearer ${server.issuedTokens[0]}` });
    const client = new OktaClient({ orgUrl: server.url, auth });
    await client.getPage('/api/v1/users', 'users');
    expect(server.apiRequests.map((r) => r.outcome)).toEqual(['ok']);
  });

  it('remembers the nonce for later token requests', async () => {
    const { server, auth } = await setup();
    await auth.headersFor('GET', `${server.url}/api/v1/users`);
    auth.invalidate();
    await auth.headersFor('GET', `${server.url}/api/v1/users`);
    expect(server.tokenRequests.map((r) => r.outcome)).toEqual(['use_dpop_nonce', 'issued', 'issued']);
  });

  it('renews the token when less than 5 minutes are left', async () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    const { server, auth } = await setup({ now, nonce: undefined }, { now });
    const first = await auth.headersFor('GET', `${server.url}/api/v1/users`);
    offset = 54 * 60_000;
    expect((await auth.headersFor('GET', `${server.url}/api/v1/users`)).Authorization).toBe(first.Authorization);
    expect(server.tokenRequests).toHaveLength(1);
    offset = 56 * 60_000;
    const renewed = await auth.headersFor('GET', `${server.url}/api/v1/users`);
    expect(server.tokenRequests).toHaveLength(2);
    expect(renewed.Authorization).toBe(`DPoP ${server.issuedTokens[1]}`);
  });

  it('keeps using a still-valid token when an early renewal fails', async () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    const { server, auth } = await setup({ now, nonce: undefined }, { now, maxRetries: 0 });
    const first = await auth.headersFor('GET', `${server.url}/api/v1/users`);
    offset = 57 * 60_000;
    server.queueTokenAnswer(503, { error: 'server_error' });
    expect((await auth.headersFor('GET', `${server.url}/api/v1/users`)).Authorization).toBe(first.Authorization);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('shares one token request between concurrent callers', async () => {
    const { server, auth } = await setup({ nonce: undefined });
    const all = await Promise.all(
      Array.from({ length: 12 }, (_, i) => auth.headersFor('GET', `${server.url}/api/v1/users/${i}`)),
    );
    expect(server.tokenRequests).toHaveLength(1);
    expect(new Set(all.map((h) => h.Authorization)).size).toBe(1);
    expect(new Set(all.map((h) => h.DPoP)).size).toBe(12);
  });

  it('lets the client retry once with a new token after a 401', async () => {
    const { server, auth } = await setup({ nonce: undefined });
    const client = new OktaClient({ orgUrl: server.url, auth });
    await client.getPage('/api/v1/users', 'users');
    server.revokeAll();
    await client.getPage('/api/v1/users', 'users');
    expect(server.tokenRequests.map((r) => r.outcome)).toEqual(['issued', 'issued']);
    expect(server.apiRequests.map((r) => r.outcome)).toEqual(['ok', 'unknown or expired token', 'ok']);
  });

  it('retries network failures and 5xx from the token endpoint', async () => {
    const { server, auth } = await setup({ nonce: undefined });
    server.queueTokenAnswer(503, { error: 'temporarily_unavailable' });
    server.queueTokenAnswer(429, { errorCode: 'E0000047' });
    await auth.headersFor('GET', `${server.url}/api/v1/users`);
    expect(server.tokenRequests.map((r) => r.outcome)).toEqual(['canned 503', 'canned 429', 'issued']);

    const closed = await startLocalOAuthServer({ clientId: CLIENT_ID, publicJwks: [rsa.publicJwk], requireDpop: true });
    await closed.close();
    const key = await loadPrivateKey(rsa.pkcs8Pem);
    const offline = new OAuthServiceAppAuth({
      orgUrl: closed.url,
      clientId: CLIENT_ID,
      key,
      retryDelayMs: () => 0,
      maxRetries: 2,
    });
    const error = await failure(offline.headersFor('GET', `${closed.url}/api/v1/users`));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(
      `could not reach ${closed.url}/oauth2/v1/token to get an access token for client ${CLIENT_ID}: ` +
        `ECONNREFUSED. Check the network and retry; the pull can be resumed.`,
    );
    expect(offline.tokenRequests).toBe(3);
  });
});

describe('OAuthServiceAppAuth errors say what to do and hold no secret', () => {
  it('invalid_client: names the client id and the kid, through the OktaClient too', async () => {
    const other = makeKey('RSA', 'rsa-kid-1');
    const { server, auth } = await setup({ publicJwks: [other.publicJwk] });
    const error = await failure(auth.headersFor('GET', `${server.url}/api/v1/users`));
    expect(error.kind).toBe('auth');
    expect(error.errorCode).toBe('invalid_client');
    expect(error.message).toMatch(
      new RegExp(
        `^Okta rejected the client assertion for client ${CLIENT_ID} \\(invalid_client: The client_assertion ` +
          `signature is invalid\\.\\): check the client id, that the app's public key \\(kid rsa-kid-1\\) ` +
          `matches the private key file`,
      ),
    );
    expectNoSecrets(error.message, server);
    const viaClient = await failure(new OktaClient({ orgUrl: server.url, auth }).getPage('/api/v1/users', 'users'));
    expect(viaClient.kind).toBe('auth');
    expect(viaClient.message).toBe(error.message);
  });

  it('invalid_scope: lists the scopes to grant and where', async () => {
    const { server, auth } = await setup({ grantedScopes: ['okta.users.read', 'okta.groups.read'] });
    const error = await failure(auth.headersFor('GET', `${server.url}/api/v1/users`));
    expect(error.message).toContain(`Okta refused the scopes requested for client ${CLIENT_ID}`);
    expect(error.message).toContain(
      `grant okta.users.read, okta.groups.read, okta.apps.read and okta.roles.read on the app's "Okta API Scopes" tab`,
    );
    expect(error.message).toMatch(/admin role/);
    expect(OKTA_PREP_SCOPES).toEqual(['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.roles.read']);
    expectNoSecrets(error.message, server);
  });

  it('invalid_dpop_proof and an endless nonce demand are explained', async () => {
    const { server, auth } = await setup();
    server.queueTokenAnswer(400, {
      error: 'invalid_dpop_proof',
      error_description: 'The DPoP proof JWT header is missing.',
    });
    const dpop = await failure(auth.headersFor('GET', `${server.url}/api/v1/users`));
    expect(dpop.message).toMatch(
      new RegExp(
        String.raw`^Okta rejected the DPoP proof for client 0oa1svcapp0000000001 \(invalid_dpop_proof: The DPoP ` +
          String.raw`proof JWT header is missing\.\): check that this computer's clock`,
      ),
    );
    server.queueTokenAnswer(400, { error: 'use_dpop_nonce' }, { 'DPoP-Nonce': 'n1' });
    server.queueTokenAnswer(400, { error: 'use_dpop_nonce' }, { 'DPoP-Nonce': 'n2' });
    const nonce = await failure(auth.headersFor('GET', `${server.url}/api/v1/users`));
    expect(nonce.message).toMatch(/kept asking client 0oa1svcapp0000000001 for a new DPoP nonce/);
  });

  it('redacts anything token-like that the server echoes back', async () => {
    const { server, auth } = await setup();
    server.queueTokenAnswer(400, {
      error: 'invalid_request',
      error_description: 'bad jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2EifQ.c2lnbmF0dXJlc2lnbmF0dXJl here',
    });
    const error = await failure(auth.headersFor('GET', `${server.url}/api/v1/users`));
    expect(error.message).toContain('(invalid_request: bad jwt [redacted] here)');
  });

  it('JSON, inspect and String of the auth show no token, proof, assertion or key', async () => {
    const { server, auth } = await setup();
    await auth.headersFor('GET', `${server.url}/api/v1/users`);
    const json = JSON.stringify(auth);
    expect(JSON.parse(json)).toEqual({
      description: `OAuth service app ${CLIENT_ID}`,
      clientId: CLIENT_ID,
      tokenUrl: `${server.url}/oauth2/v1/token`,
      key: { alg: 'RS256', kid: 'rsa-kid-1', keyType: 'RSA', format: 'jwk' },
      tokenType: 'DPoP',
    });
    // String(auth) on purpose: whatever an object's default stringification shows must hold no secret either.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    for (const text of [json, inspect(auth, { depth: 10, showHidden: true }), String(auth)])
      expectNoSecrets(text, server);
  });
});
