// DPoP proofs: an ephemeral ES256 key per session, header typ/alg/jwk (public only), htm/htu/iat/jti, nonce and ath.
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessTokenHash, dpopHtu, DpopKey } from '../../../../electron/core/okta/oauth/dpopProof';

describe('DpopKey', () => {
  it('makes a proof with typ dpop+jwt, ES256 and the public jwk only', async () => {
    const key = await DpopKey.generate();
    const proof = await key.proof({
      method: 'post',
      url: 'https://acme.okta.com/oauth2/v1/token',
      nowSeconds: 1_700_000_000,
    });
    const header = decodeProtectedHeader(proof);
    expect(header.typ).toBe('dpop+jwt');
    expect(header.alg).toBe('ES256');
    expect(Object.keys(header.jwk!).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(await calculateJwkThumbprint(header.jwk!)).toBe(key.thumbprint);
    const { payload } = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      currentDate: new Date(1_700_000_000_000),
    });
    expect(payload).toMatchObject({ htm: 'POST', htu: 'https://acme.okta.com/oauth2/v1/token', iat: 1_700_000_000 });
    expect(payload.jti).toEqual(expect.any(String));
    expect(payload).not.toHaveProperty('nonce');
    expect(payload).not.toHaveProperty('ath');
  });

  it('puts the nonce in when given, and a new jti in every proof', async () => {
    const key = await DpopKey.generate();
    const a = await key.proof({
      method: 'POST',
      url: 'https://acme.okta.com/oauth2/v1/token',
      nonce: 'server-nonce-1',
    });
    const b = await key.proof({
      method: 'POST',
      url: 'https://acme.okta.com/oauth2/v1/token',
      nonce: 'server-nonce-1',
    });
    const pa = (await jwtVerify(a, EmbeddedJWK)).payload;
    const pb = (await jwtVerify(b, EmbeddedJWK)).payload;
    expect(pa.nonce).toBe('server-nonce-1');
    expect(pa.jti).not.toBe(pb.jti);
  });

  it('binds resource proofs to the access token (ath) and drops query and fragment from htu', async () => {
    const key = await DpopKey.generate();
    const token = 'eyJraWQiOiJ0ZXN0In0.access-token.value';
    const url = 'https://acme.okta.com/api/v1/users?limit=200&after=00u1#frag';
    const { payload } = await jwtVerify(await key.proof({ method: 'GET', url, accessToken: token }), EmbeddedJWK);
    expect(payload.htu).toBe('https://acme.okta.com/api/v1/users');
    expect(payload.htm).toBe('GET');
    const expected = createHash('sha256')
      .update(token)
      .digest('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(payload.ath).toBe(expected);
    expect(accessTokenHash(token)).toBe(expected);
    expect(dpopHtu('http://127.0.0.1:8080/api/v1/groups/00g1/users?limit=1')).toBe(
      'http://127.0.0.1:8080/api/v1/groups/00g1/users',
    );
  });

  it('makes a different key for every session and keeps the private key out of JSON', async () => {
    const a = await DpopKey.generate();
    const b = await DpopKey.generate();
    expect(a.thumbprint).not.toBe(b.thumbprint);
    expect(a.publicJwk).not.toHaveProperty('d');
    expect(JSON.parse(JSON.stringify(a))).toEqual({ alg: 'ES256', thumbprint: a.thumbprint });
  });
});
