// Loading the service app's private key: each PEM form and JWK, alg detection, kid, and a clear error for each bad
// input.
import { generateKeyPairSync } from 'node:crypto';
import { jwtVerify, SignJWT, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadPrivateKey, PrivateKeyError } from '../../../../electron/core/okta/oauth/loadPrivateKey';
import { expectNoKeyMaterial, makeKey, type KeyFixture } from './keyFixtures';

const rsa = makeKey('RSA', 'rsa-kid-1');
const ec = makeKey('EC', 'ec-kid-1');

async function expectSignsFor(text: string, fixture: KeyFixture, alg: string, options = {}) {
  const key = await loadPrivateKey(text, options);
  expect(key.alg).toBe(alg);
  const jwt = await key.sign(new SignJWT({ hello: 'world' }).setProtectedHeader({ alg: key.alg }));
  const { payload } = await jwtVerify(jwt, fixture.publicKey, { algorithms: [alg] });
  expect(payload.hello).toBe('world');
  return key;
}

async function loadError(text: string, fileName = '/keys/app.pem'): Promise<PrivateKeyError> {
  const error = await loadPrivateKey(text, { fileName }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrivateKeyError);
  expect((error as Error).message).toContain(`the private key file ${fileName}`);
  return error as PrivateKeyError;
}

describe('loadPrivateKey: accepted forms', () => {
  it('reads an RSA PKCS#8 PEM as RS256, without a kid unless one is given', async () => {
    const key = await expectSignsFor(rsa.pkcs8Pem, rsa, 'RS256');
    expect(key).toMatchObject({ keyType: 'RSA', format: 'pem-pkcs8', kid: undefined });
    expect((await loadPrivateKey(rsa.pkcs8Pem, { keyId: 'given-kid' })).kid).toBe('given-kid');
  });

  it('reads an RSA PKCS#1 ("RSA PRIVATE KEY") PEM', async () => {
    expect(rsa.legacyPem).toContain('BEGIN RSA PRIVATE KEY');
    expect((await expectSignsFor(rsa.legacyPem, rsa, 'RS256')).format).toBe('pem-pkcs1');
  });

  it('reads an EC P-256 PKCS#8 PEM as ES256', async () => {
    expect((await expectSignsFor(ec.pkcs8Pem, ec, 'ES256')).keyType).toBe('EC');
  });

  it('reads an EC SEC1 ("EC PRIVATE KEY") PEM, after "EC PARAMETERS" too, with CRLF and a BOM', async () => {
    expect(ec.legacyPem).toContain('BEGIN EC PRIVATE KEY');
    expect((await expectSignsFor(ec.legacyPem, ec, 'ES256')).format).toBe('pem-sec1');
    const params = '-----BEGIN EC PARAMETERS-----\r\nBggqhkjOPQMBBw==\r\n-----END EC PARAMETERS-----\r\n';
    const withParams = `\uFEFF${params}${ec.legacyPem.replace(/\n/g, '\r\n')}`;
    await expectSignsFor(withParams, ec, 'ES256');
  });

  it('reads private JWKs with their kid; keyId overrides it', async () => {
    expect((await expectSignsFor(JSON.stringify(rsa.privateJwk), rsa, 'RS256')).kid).toBe('rsa-kid-1');
    const key = await expectSignsFor(JSON.stringify(ec.privateJwk, null, 2), ec, 'ES256');
    expect(key).toMatchObject({ kid: 'ec-kid-1', format: 'jwk' });
    expect((await loadPrivateKey(JSON.stringify(ec.privateJwk), { keyId: 'other' })).kid).toBe('other');
    const noAlg: JWK = { ...rsa.privateJwk, alg: undefined };
    await expectSignsFor(JSON.stringify(noAlg), rsa, 'RS256');
  });

  it('reads a JWKS holding one private key (public keys beside it are ignored)', async () => {
    const jwks = { keys: [rsa.publicJwk, rsa.privateJwk] };
    expect((await expectSignsFor(JSON.stringify(jwks), rsa, 'RS256')).kid).toBe('rsa-kid-1');
  });

  it('maps P-384 to ES384 and honours an RSA JWK that declares RS384', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const key = await loadPrivateKey(p384.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    expect(key.alg).toBe('ES384');
    await expectSignsFor(JSON.stringify({ ...rsa.privateJwk, alg: 'RS384' }), rsa, 'RS384');
  });

  it('keeps the key out of JSON', async () => {
    const key = await loadPrivateKey(JSON.stringify(rsa.privateJwk));
    const json = JSON.stringify(key);
    expect(JSON.parse(json)).toEqual({ alg: 'RS256', kid: 'rsa-kid-1', keyType: 'RSA', format: 'jwk' });
    expectNoKeyMaterial(json, rsa);
  });
});

describe('loadPrivateKey: bad input gets a clear error without key material', () => {
  it('refuses a public key (PEM, PKCS#1 public, JWK, JWKS)', async () => {
    const spki = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect((await loadError(spki)).message).toMatch(/holds a public key, not the private key/);
    expect((await loadError(rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string)).message).toMatch(
      /public key/,
    );
    expect((await loadError(JSON.stringify(ec.publicJwk))).message).toMatch(
      /public key, not the private key \(no "d"\)/,
    );
    expect((await loadError(JSON.stringify({ keys: [ec.publicJwk] }))).message).toMatch(/only public keys/);
  });

  it('refuses encrypted keys (PKCS#8 and legacy PEM encryption) and says how to decrypt', async () => {
    const encrypted8 = rsa.privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'pw',
    }) as string;
    const encrypted1 = ec.privateKey.export({
      type: 'sec1',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'pw',
    }) as string;
    for (const text of [encrypted8, encrypted1]) {
      const error = await loadError(text);
      expect(error.message).toMatch(/encrypted with a passphrase.*openssl pkey/);
    }
    expectNoKeyMaterial((await loadError(encrypted8)).message, rsa);
  });

  it('refuses unsupported key types and curves', async () => {
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect((await loadError(ed)).message).toMatch(/holds a key of type Ed25519: .*RSA \(RS256\) or EC P-256 \(ES256\)/);
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    expect((await loadError(k1)).message).toMatch(/curve secp256k1/);
    expect((await loadError(JSON.stringify({ ...ec.privateJwk, crv: 'secp256k1' }))).message).toMatch(
      /curve secp256k1/,
    );
    expect((await loadError(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }))).message).toMatch(/symmetric \(oct\) key/);
    const okp = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    expect((await loadError(JSON.stringify(okp))).message).toMatch(/holds a key of type Ed25519 \(OKP\)/);
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    expect((await loadError(pss)).message).toMatch(/key of type RSA-PSS/);
    expect((await loadError(JSON.stringify({ ...rsa.privateJwk, alg: 'PS256' }))).message).toMatch(/"alg": "PS256"/);
  });

  it('refuses an RSA key shorter than 2048 bits', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    expect((await loadError(small)).message).toMatch(/1024-bit RSA key: .*at least 2048 bits/);
  });

  it('refuses garbage, empty files, certificates, OpenSSH keys, broken PEM and broken JSON', async () => {
    expect((await loadError('hello world')).message).toMatch(/is not a PEM or JWK private key: /);
    expect((await loadError('  \n')).message).toMatch(/is empty/);
    expect((await loadError('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')).message).toMatch(
      /holds a certificate/,
    );
    expect(
      (await loadError('-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n')).message,
    ).toMatch(/OpenSSH key: convert/);
    expect((await loadError(rsa.pkcs8Pem.split('\n').slice(0, 5).join('\n'))).message).toMatch(
      /is not a PEM or JWK private key: the PEM block is incomplete/,
    );
    const corrupt = rsa.pkcs8Pem.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
    const corruptError = await loadError(corrupt);
    expect(corruptError.message).toMatch(
      /is not a PEM or JWK private key: the "PRIVATE KEY" block could not be read|not a usable/,
    );
    expectNoKeyMaterial(corruptError.message, rsa);
    // A JSON syntax error's own message can quote the input: it is not passed on.
    const brokenJson = JSON.stringify(rsa.privateJwk).slice(0, -10);
    const jsonError = await loadError(brokenJson);
    expect(jsonError.message).toMatch(/is not a PEM or JWK private key: it starts like JSON but is not valid JSON/);
    expectNoKeyMaterial(jsonError.message, rsa);
    expect((await loadError('{"hello": 1}')).message).toMatch(/no "kty"/);
    expect((await loadError(JSON.stringify({ keys: [rsa.privateJwk, ec.privateJwk] }))).message).toMatch(
      /holds 2 private keys/,
    );
  });

  it('names "the private key" when no file name is given', async () => {
    await expect(loadPrivateKey('nonsense')).rejects.toThrow(/^the private key is not a PEM or JWK private key/);
  });
});
