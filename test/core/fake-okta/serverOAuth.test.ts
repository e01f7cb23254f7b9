// Fake Okta OAuth 2.0 service app: client credentials with private_key_jwt (RS256 and ES256), the DPoP nonce
// handshake, DPoP-bound API calls (htm/htu/ath/jti/key checks), Bearer tokens without DPoP, scopes and expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/fake-okta/fakeClock';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import type { OktaErrorBody } from '../../../shared/okta/types';
import { TEST_TOKEN } from './fakeOktaHarness';
import {
  ALL_SCOPES,
  CLIENT_ID,
  clientAssertion,
  dpopGet,
  dpopProof,
  fetchDpopToken,
  makeKey,
  postToken,
  tokenForm,
  type TestKey,
} from './oauthTestClient';

const org = generateOrg({ seed: 'oauth', users: 30, groups: 5, apps: 3 });
let rsKey: TestKey;
let esKey: TestKey;
let dpopKey: TestKey;
let otherDpopKey: TestKey;
let server: FakeOktaServer;
let tokenUrl: string;

beforeAll(async () => {
  [rsKey, esKey, dpopKey, otherDpopKey] = await Promise.all([
    makeKey('RS256', 'rs-1'),
    makeKey('ES256', 'es-1'),
    makeKey('ES256', 'dpop'),
    makeKey('RS256', 'dpop-2'),
  ]);
  server = await startFakeOktaServer({
    org,
    apiToken: TEST_TOKEN,
    oauth: { clientId: CLIENT_ID, publicJwks: { keys: [rsKey.publicJwk, esKey.publicJwk] } },
  });
  tokenUrl = `${server.url}/oauth2/v1/token`;
});
afterAll(async () => server?.close());

async function oauthError(response: Response, status: number, error: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: string; error_description: string };
  expect(Object.keys(body).sort()).toEqual(['error', 'error_description']);
  expect(body.error).toBe(error);
  return body.error_description;
}

/** Checks a 401 E0000011 answer and returns its error causes, joined, for the caller to match. */
async function invalidTokenCauses(response: Response): Promise<string> {
  expect(response.status).toBe(401);
  const body = (await response.json()) as OktaErrorBody;
  expect(body.errorCode).toBe('E0000011');
  return body.errorCauses.map((c) => c.errorSummary).join(' ');
}

describe('token endpoint with DPoP required', () => {
  it('runs the nonce handshake and issues a DPoP-bound token that works for an API call', async () => {
    const before = server.stats().tokenRequests;
    const { accessToken, body } = await fetchDpopToken(server.url, rsKey, dpopKey);
    expect(body).toEqual({ token_type: 'DPoP', expires_in: 3600, access_token: accessToken, scope: ALL_SCOPES });
    const after = server.stats().tokenRequests;
    expect(after.nonceChallenges - before.nonceChallenges).toBe(1);
    expect(after.issued - before.issued).toBe(1);
    const response = await dpopGet(`${server.url}/api/v1/users?limit=2`, accessToken, dpopKey);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
  });

  it('accepts an ES256 client assertion too', async () => {
    const { body } = await fetchDpopToken(server.url, esKey, dpopKey, { scope: 'okta.groups.read' });
    expect(body.scope).toBe('okta.groups.read');
  });

  it('401 invalid_client: assertion by an unknown key, for another audience or client, too long-lived', async () => {
    const stranger = await makeKey('RS256', 'rs-1'); // same kid, different key
    const proof = () => dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl });
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, RegExp][] = [
      [await clientAssertion(stranger, tokenUrl), /signature/],
      [await clientAssertion(rsKey, `${server.url}/oauth2/default/v1/token`), /'aud'/],
      [await clientAssertion(rsKey, tokenUrl, { iss: '0oaSomeoneElse', sub: '0oaSomeoneElse' }), /'iss'/],
      [await clientAssertion(rsKey, tokenUrl, { expS: now + 2 * 3600 }), /one hour/],
      [await clientAssertion(rsKey, tokenUrl, { iatS: now - 600, expS: now - 60 }), /expired/],
    ];
    for (const [assertion, reason] of cases) {
      expect(
        await oauthError(await postToken(tokenUrl, tokenForm(assertion), await proof()), 401, 'invalid_client'),
      ).toMatch(reason);
    }
    const missing = { ...tokenForm('x'), client_assertion_type: '' };
    await oauthError(await postToken(tokenUrl, missing, await proof()), 401, 'invalid_client');
  });

  it('rejects a replayed client assertion with 400 invalid_client', async () => {
    const assertion = await clientAssertion(rsKey, tokenUrl);
    const { nonce } = await fetchDpopToken(server.url, rsKey, dpopKey);
    const proof = () => dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl, nonce });
    expect((await postToken(tokenUrl, tokenForm(assertion), await proof())).status).toBe(200);
    expect(
      await oauthError(await postToken(tokenUrl, tokenForm(assertion), await proof()), 400, 'invalid_client'),
    ).toMatch(/already been used/);
  });

  it('refuses scopes it does not grant (400 invalid_scope) and a missing proof (400 invalid_dpop_proof)', async () => {
    const proof = await dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl });
    await oauthError(
      await postToken(
        tokenUrl,
        tokenForm(await clientAssertion(rsKey, tokenUrl), 'okta.users.read okta.users.manage'),
        proof,
      ),
      400,
      'invalid_scope',
    );
    await oauthError(
      await postToken(tokenUrl, tokenForm(await clientAssertion(rsKey, tokenUrl))),
      400,
      'invalid_dpop_proof',
    );
    const badTyp = await dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl, typ: 'JWT' });
    await oauthError(
      await postToken(tokenUrl, tokenForm(await clientAssertion(rsKey, tokenUrl)), badTyp),
      400,
      'invalid_dpop_proof',
    );
    const wrongNonce = await dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl, nonce: 'stale' });
    const response = await postToken(tokenUrl, tokenForm(await clientAssertion(rsKey, tokenUrl)), wrongNonce);
    expect(response.headers.get('dpop-nonce')).toBeTruthy();
    await oauthError(response, 400, 'use_dpop_nonce');
  });
});

describe('API calls with a DPoP token', () => {
  let accessToken: string;
  const usersUrl = () => `${server.url}/api/v1/users?limit=1`;
  beforeAll(async () => {
    ({ accessToken } = await fetchDpopToken(server.url, rsKey, dpopKey));
  });

  it('rejects a proof for another URL or method, without ath, replayed, or from another key', async () => {
    expect(
      await invalidTokenCauses(await dpopGet(usersUrl(), accessToken, dpopKey, { htu: `${server.url}/api/v1/groups` })),
    ).toMatch(/htu/);
    expect(await invalidTokenCauses(await dpopGet(usersUrl(), accessToken, dpopKey, { htm: 'POST' }))).toMatch(/htm/);
    expect(await invalidTokenCauses(await dpopGet(usersUrl(), accessToken, dpopKey, { ath: null }))).toMatch(/ath/);
    expect(await invalidTokenCauses(await dpopGet(usersUrl(), accessToken, dpopKey, { ath: 'AAAA' }))).toMatch(/ath/);
    expect(await invalidTokenCauses(await dpopGet(usersUrl(), accessToken, otherDpopKey))).toMatch(/bound/);
    expect(
      await invalidTokenCauses(
        await dpopGet(usersUrl(), accessToken, dpopKey, { iatS: Math.floor(Date.now() / 1000) - 3600 }),
      ),
    ).toMatch(/iat/);
    const proof = await dpopProof(dpopKey, { htm: 'GET', htu: `${server.url}/api/v1/users`, accessToken });
    const headers = { Authorization: `DPoP ${accessToken}`, DPoP: proof };
    expect((await fetch(usersUrl(), { headers })).status).toBe(200);
    const replay = await fetch(usersUrl(), { headers });
    expect(await invalidTokenCauses(replay)).toMatch(/jti/);
    expect(replay.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_dpop_proof"/);
  });

  it('rejects the token without a proof, as a Bearer token, or unknown', async () => {
    expect(
      await invalidTokenCauses(await fetch(usersUrl(), { headers: { Authorization: `DPoP ${accessToken}` } })),
    ).toMatch(/missing/);
    expect(
      await invalidTokenCauses(await fetch(usersUrl(), { headers: { Authorization: `Bearer ${accessToken}` } })),
    ).toMatch(/Bearer/);
    await invalidTokenCauses(await dpopGet(usersUrl(), 'not-a-token', dpopKey));
  });

  it('still accepts the SSWS token', async () => {
    expect((await fetch(usersUrl(), { headers: { Authorization: `SSWS ${TEST_TOKEN}` } })).status).toBe(200);
  });

  it('answers 403 E0000006 for an endpoint outside the granted scopes', async () => {
    const { accessToken: groupsOnly } = await fetchDpopToken(server.url, rsKey, dpopKey, { scope: 'okta.groups.read' });
    expect((await dpopGet(`${server.url}/api/v1/groups`, groupsOnly, dpopKey)).status).toBe(200);
    const denied = await dpopGet(`${server.url}/api/v1/apps`, groupsOnly, dpopKey);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as OktaErrorBody).errorCode).toBe('E0000006');
  });
});

describe('token lifetime and Bearer mode', () => {
  it('answers 401 E0000011 once the token has expired (manual clock)', async () => {
    const clock = createManualClock(Date.now());
    const local = await startFakeOktaServer({
      org,
      clock,
      oauth: { clientId: CLIENT_ID, publicJwks: { keys: [rsKey.publicJwk] }, accessTokenTtlSeconds: 600 },
    });
    try {
      const nowS = () => Math.floor(clock.now() / 1000);
      const { accessToken, body } = await fetchDpopToken(local.url, rsKey, dpopKey, { nowS: nowS() });
      expect(body.expires_in).toBe(600);
      expect((await dpopGet(`${local.url}/api/v1/groups`, accessToken, dpopKey, { iatS: nowS() })).status).toBe(200);
      clock.advance(601_000);
      expect(
        await invalidTokenCauses(await dpopGet(`${local.url}/api/v1/groups`, accessToken, dpopKey, { iatS: nowS() })),
      ).toMatch(/expired/);
      expect(
        (await fetch(`${local.url}/api/v1/groups`, { headers: { Authorization: `SSWS ${TEST_TOKEN}` } })).status,
      ).toBe(401); // no apiToken given
    } finally {
      await local.close();
    }
  });

  it('issues Bearer tokens when DPoP is not required', async () => {
    const local = await startFakeOktaServer({
      org,
      oauth: { clientId: CLIENT_ID, publicJwks: { keys: [esKey.publicJwk] }, requireDpop: false },
    });
    try {
      const url = `${local.url}/oauth2/v1/token`;
      const response = await postToken(url, tokenForm(await clientAssertion(esKey, url), 'okta.users.read'));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { token_type: string; access_token: string };
      expect(body.token_type).toBe('Bearer');
      expect(
        (await fetch(`${local.url}/api/v1/users`, { headers: { Authorization: `Bearer ${body.access_token}` } }))
          .status,
      ).toBe(200);
      expect(
        (await fetch(`${local.url}/api/v1/groups`, { headers: { Authorization: `Bearer ${body.access_token}` } }))
          .status,
      ).toBe(403);
    } finally {
      await local.close();
    }
  });

  it('answers a server without oauth with 401 invalid_client, and a GET on the token URL with 405', async () => {
    const local = await startFakeOktaServer({ org, apiToken: TEST_TOKEN });
    try {
      const url = `${local.url}/oauth2/v1/token`;
      await oauthError(await postToken(url, tokenForm(await clientAssertion(rsKey, url))), 401, 'invalid_client');
      expect((await fetch(url)).status).toBe(405);
      expect(local.stats().requestsByBucket.token).toBe(2);
    } finally {
      await local.close();
    }
  });
});
