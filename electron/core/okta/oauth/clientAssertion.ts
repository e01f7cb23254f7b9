// Builds the signed client-assertion JWT (private_key_jwt) that authenticates the service app at Okta's token endpoint.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ClientSigningKey } from './loadPrivateKey';

/** Okta allows up to an hour; a short life limits what a leaked assertion is worth. */
export const CLIENT_ASSERTION_LIFETIME_SECONDS = 5 * 60;

export interface ClientAssertionInput {
  key: ClientSigningKey;
  clientId: string;
  /** The full token URL, e.g. https://acme.okta.com/oauth2/v1/token (the assertion's `aud`). */
  tokenUrl: string;
  /** Seconds since the epoch; defaults to the system clock. */
  nowSeconds?: number;
}

/**
 * Header `alg` (+ `kid` when known); claims `iss` = `sub` = client id, `aud` = token URL, `iat`, `exp` = iat + 5 min,
 * random `jti`.
 */
export function createClientAssertion(input: ClientAssertionInput): Promise<string> {
  const iat = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const header = input.key.kid === undefined ? { alg: input.key.alg } : { alg: input.key.alg, kid: input.key.kid };
  const jwt = new SignJWT({})
    .setProtectedHeader(header)
    .setIssuer(input.clientId)
    .setSubject(input.clientId)
    .setAudience(input.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + CLIENT_ASSERTION_LIFETIME_SECONDS)
    .setJti(randomUUID());
  return input.key.sign(jwt);
}
