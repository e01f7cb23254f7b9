// createOktaAuth: SSWS token or OAuth service app from the same kind of input; a bad key file fails before any request.
import { describe, expect, it } from 'vitest';
import { SswsTokenAuth } from '../../../../electron/core/okta/auth';
import { createOktaAuth } from '../../../../electron/core/okta/oauth/createOktaAuth';
import { PrivateKeyError } from '../../../../electron/core/okta/oauth/loadPrivateKey';
import { OAuthServiceAppAuth } from '../../../../electron/core/okta/oauth/oauthServiceAppAuth';
import { expectNoKeyMaterial, makeKey } from './keyFixtures';

const ec = makeKey('EC', 'ec-kid');

describe('createOktaAuth', () => {
  it('makes SSWS auth from a token', async () => {
    const auth = await createOktaAuth({ kind: 'ssws', token: 'ssws-token-123' });
    expect(auth).toBeInstanceOf(SswsTokenAuth);
    expect(await auth.headersFor('GET', 'https://acme.okta.com/api/v1/users')).toEqual({
      Authorization: 'SSWS ssws-token-123',
    });
    expect(auth.invalidate).toBeUndefined();
  });

  it('makes OAuth service-app auth from a client id and a private key, without contacting Okta yet', async () => {
    let calls = 0;
    const fetchImpl = (async () => {
      calls++;
      throw new Error('not expected');
    }) as typeof fetch;
    const auth = await createOktaAuth({
      kind: 'oauth',
      orgUrl: 'https://acme.okta.com/',
      clientId: '0oaABC',
      privateKey: ec.legacyPem,
      fetchImpl,
    });
    expect(auth).toBeInstanceOf(OAuthServiceAppAuth);
    expect(auth.description).toBe('OAuth service app 0oaABC');
    expect((auth as OAuthServiceAppAuth).tokenUrl).toBe('https://acme.okta.com/oauth2/v1/token');
    expect(typeof auth.invalidate).toBe('function');
    expect(calls).toBe(0);
    expect(JSON.parse(JSON.stringify(auth)).key).toEqual({ alg: 'ES256', keyType: 'EC', format: 'pem-sec1' });
  });

  it('rejects an unusable key with the file name and no key material', async () => {
    const publicPem = ec.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const error = await createOktaAuth({
      kind: 'oauth',
      orgUrl: 'https://acme.okta.com',
      clientId: '0oaABC',
      privateKey: publicPem,
      keyFileName: 'svc.pem',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrivateKeyError);
    expect((error as Error).message).toMatch(/^the private key file svc\.pem holds a public key/);
    expectNoKeyMaterial((error as Error).message, ec);
  });
});
