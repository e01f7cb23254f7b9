// The client assertion (private_key_jwt): header alg/kid, claims iss = sub = client id, aud = token URL, iat, exp,
// unique jti.
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ASSERTION_LIFETIME_SECONDS,
  createClientAssertion,
} from '../../../../electron/core/okta/oauth/clientAssertion';
import { loadPrivateKey } from '../../../../electron/core/okta/oauth/loadPrivateKey';
import { makeKey } from './keyFixtures';

const TOKEN_URL = 'https://acme.okta.com/oauth2/v1/token';
const CLIENT_ID = '0oa1testclient2345678';

describe('createClientAssertion', () => {
  it('signs an RS256 assertion with the kid and the claims Okta checks', async () => {
    const fixture = makeKey('RSA', 'kid-rsa');
    const key = await loadPrivateKey(JSON.stringify(fixture.privateJwk));
    const nowSeconds = Math.floor(Date.now() / 1000);
    const jwt = await createClientAssertion({ key, clientId: CLIENT_ID, tokenUrl: TOKEN_URL, nowSeconds });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', kid: 'kid-rsa' });
    const { payload } = await jwtVerify(jwt, fixture.publicKey, {
      issuer: CLIENT_ID,
      subject: CLIENT_ID,
      audience: TOKEN_URL,
      algorithms: ['RS256'],
    });
    expect(payload.iat).toBe(nowSeconds);
    expect(payload.exp).toBe(nowSeconds + 300);
    expect(CLIENT_ASSERTION_LIFETIME_SECONDS).toBe(300);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'sub']);
  });

  it('signs ES256 without a kid when the key has none, and uses a new jti each time', async () => {
    const fixture = makeKey('EC', 'unused');
    const key = await loadPrivateKey(fixture.legacyPem);
    const first = await createClientAssertion({ key, clientId: CLIENT_ID, tokenUrl: TOKEN_URL });
    const second = await createClientAssertion({ key, clientId: CLIENT_ID, tokenUrl: TOKEN_URL });
    expect(decodeProtectedHeader(first)).toEqual({ alg: 'ES256' });
    const a = await jwtVerify(first, fixture.publicKey, { audience: TOKEN_URL });
    const b = await jwtVerify(second, fixture.publicKey, { audience: TOKEN_URL });
    expect(a.payload.jti).not.toBe(b.payload.jti);
    expect(Math.abs(a.payload.iat! - Date.now() / 1000)).toBeLessThan(5);
  });
});
