// Test helpers for the fake org authorization server: key pairs, private_key_jwt client assertions, DPoP proofs,
// token requests (with the nonce handshake) and DPoP-authenticated API calls — what a real client would do, by hand.
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export const CLIENT_ID = '0oaFakeServiceApp123';
export const ALL_SCOPES = 'okta.users.read okta.groups.read okta.apps.read okta.roles.read';

export interface TestKey {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeKey(alg: 'RS256' | 'ES256', kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface AssertionClaims {
  iss?: string;
  sub?: string;
  aud?: string;
  expS?: number;
  iatS?: number;
  jti?: string | null;
}

/** A client assertion for `tokenUrl`; `nowS` lets a test with a manual server clock sign in the server's time. */
export async function clientAssertion(
  key: TestKey,
  tokenUrl: string,
  claims: AssertionClaims = {},
  nowS = Math.floor(Date.now() / 1000),
): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setIssuer(claims.iss ?? CLIENT_ID)
    .setSubject(claims.sub ?? CLIENT_ID)
    .setAudience(claims.aud ?? tokenUrl)
    .setIssuedAt(claims.iatS ?? nowS)
    .setExpirationTime(claims.expS ?? nowS + 300);
  if (claims.jti !== null) jwt.setJti(claims.jti ?? randomUUID());
  return jwt.sign(key.privateKey);
}

export interface ProofClaims {
  htm: string;
  htu: string;
  nonce?: string;
  accessToken?: string;
  ath?: string | null;
  jti?: string;
  iatS?: number;
  typ?: string;
}

export async function dpopProof(key: TestKey, claims: ProofClaims): Promise<string> {
  const payload: Record<string, unknown> = { htm: claims.htm, htu: claims.htu };
  if (claims.nonce !== undefined) payload.nonce = claims.nonce;
  if (claims.ath !== null && (claims.ath !== undefined || claims.accessToken !== undefined)) {
    payload.ath =
      claims.ath ??
      createHash('sha256')
        .update(claims.accessToken as string)
        .digest('base64url');
  }
  const { kid: _kid, use: _use, ...jwk } = key.publicJwk;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, typ: claims.typ ?? 'dpop+jwt', jwk })
    .setIssuedAt(claims.iatS ?? Math.floor(Date.now() / 1000))
    .setJti(claims.jti ?? randomUUID())
    .sign(key.privateKey);
}

export function tokenForm(assertion: string, scope = ALL_SCOPES): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    scope,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  };
}

export function postToken(tokenUrl: string, form: Record<string, string>, dpop?: string): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (dpop !== undefined) headers.DPoP = dpop;
  return fetch(tokenUrl, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
}

export interface TokenResult {
  accessToken: string;
  body: Record<string, unknown>;
  nonce: string;
}

/** The whole DPoP flow: proof without nonce -> 400 use_dpop_nonce -> same assertion, proof with the nonce -> 200. */
export async function fetchDpopToken(
  serverUrl: string,
  clientKey: TestKey,
  dpopKey: TestKey,
  options: { scope?: string; nowS?: number } = {},
): Promise<TokenResult> {
  const tokenUrl = `${serverUrl}/oauth2/v1/token`;
  const nowS = options.nowS ?? Math.floor(Date.now() / 1000);
  const form = tokenForm(await clientAssertion(clientKey, tokenUrl, {}, nowS), options.scope);
  const first = await postToken(tokenUrl, form, await dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl, iatS: nowS }));
  const nonce = first.headers.get('dpop-nonce');
  const challenge = (await first.json()) as { error?: string };
  if (first.status !== 400 || challenge.error !== 'use_dpop_nonce' || !nonce)
    throw new Error(`expected use_dpop_nonce, got ${first.status} ${JSON.stringify(challenge)}`);
  const second = await postToken(
    tokenUrl,
    form,
    await dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl, nonce, iatS: nowS }),
  );
  const body = (await second.json()) as Record<string, unknown>;
  if (second.status !== 200) throw new Error(`token request failed: ${second.status} ${JSON.stringify(body)}`);
  return { accessToken: body.access_token as string, body, nonce };
}

/** GET with "Authorization: DPoP <token>" and a fresh proof for this exact method and URL (query dropped from htu). */
export async function dpopGet(
  url: string,
  accessToken: string,
  dpopKey: TestKey,
  proof: Partial<ProofClaims> = {},
): Promise<Response> {
  const htu = url.split('?')[0] as string;
  const dpop = await dpopProof(dpopKey, { htm: 'GET', htu, accessToken, ...proof });
  return fetch(url, { headers: { Authorization: `DPoP ${accessToken}`, DPoP: dpop, Accept: 'application/json' } });
}
