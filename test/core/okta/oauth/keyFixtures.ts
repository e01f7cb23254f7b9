// Test keys in every form a service app's key file can take (made with node:crypto), plus a check for leaked key
// material.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { expect } from 'vitest';

export interface KeyFixture {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK with kid and alg, as registered on the Okta app. */
  publicJwk: JWK;
  privateJwk: JWK;
  pkcs8Pem: string;
  /** PKCS#1 (RSA) or SEC1 (EC) PEM. */
  legacyPem: string;
}

export function makeKey(kind: 'RSA' | 'EC', kid: string): KeyFixture {
  const { privateKey, publicKey } =
    kind === 'RSA'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const alg = kind === 'RSA' ? 'RS256' : 'ES256';
  return {
    privateKey,
    publicKey,
    publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg, use: 'sig' },
    privateJwk: { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, alg },
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    legacyPem: privateKey.export({ type: kind === 'RSA' ? 'pkcs1' : 'sec1', format: 'pem' }) as string,
  };
}

/** Substrings that would show the private key: PEM body lines and the JWK's private members. */
export function secretFragments(key: KeyFixture): string[] {
  const pemLines = [key.pkcs8Pem, key.legacyPem].flatMap((pem) =>
    pem.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----')),
  );
  const jwkParts = (['d', 'p', 'q', 'dp', 'dq', 'qi'] as const)
    .map((name) => key.privateJwk[name])
    .filter((v): v is string => typeof v === 'string');
  return [...pemLines.map((line) => line.slice(0, 24)), ...jwkParts.map((part) => part.slice(0, 24))];
}

export function expectNoKeyMaterial(text: string, key: KeyFixture): void {
  for (const fragment of secretFragments(key)) expect(text).not.toContain(fragment);
}
