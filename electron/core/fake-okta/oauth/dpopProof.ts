// Verifies a DPoP proof JWT (RFC 9449) for one request: typ dpop+jwt, an asymmetric alg, the embedded public jwk
// signs it, htm/htu match the request, iat is recent, jti is fresh, and (for API calls) ath and the bound key match.
import { createHash } from 'node:crypto';
import { EmbeddedJWK, calculateJwkThumbprint, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import type { JtiMemory } from './oauthState';

export const ASYMMETRIC_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
/** A proof is "recent" when issued at most 5 minutes ago and at most 1 minute in the future (clock skew). */
const MAX_AGE_S = 300;
const MAX_FUTURE_S = 60;

export class DpopProofError extends Error {
  override name = 'DpopProofError';
}

export interface DpopExpectation {
  /** The request's method. */
  htm: string;
  /** The request's URL; query and fragment are ignored on both sides, as RFC 9449 §4.3 says. */
  htu: string;
  nowMs: number;
  /** API calls: base64url(SHA-256(access token)). */
  ath?: string;
  /** API calls: the thumbprint the access token is bound to. */
  jkt?: string;
}

export interface VerifiedProof {
  jkt: string;
  jti: string;
  nonce: string | undefined;
  /** Until when the jti must be remembered (after that the iat check rejects the proof anyway). */
  replayableUntilMs: number;
}

export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest('base64url');
}

function withoutQuery(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}

function checkHeader(proof: string): void {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw new DpopProofError('the DPoP proof is not a JWT');
  }
  if (header.typ !== 'dpop+jwt') throw new DpopProofError('the DPoP proof header typ must be dpop+jwt');
  if (!header.alg || !ASYMMETRIC_ALGS.includes(header.alg))
    throw new DpopProofError(`the DPoP proof alg ${String(header.alg)} is not an asymmetric algorithm`);
  const jwk = header.jwk;
  if (!jwk || typeof jwk !== 'object') throw new DpopProofError('the DPoP proof header has no jwk');
  if ('d' in jwk || 'p' in jwk || 'k' in jwk) throw new DpopProofError('the DPoP proof jwk must be a public key');
}

async function verifiedSignature(
  proof: string,
  nowMs: number,
): Promise<{ payload: Record<string, unknown>; jwk: JWK }> {
  try {
    const verified = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: ASYMMETRIC_ALGS,
      currentDate: new Date(nowMs),
    });
    return { payload: verified.payload, jwk: verified.protectedHeader.jwk as JWK };
  } catch (error) {
    throw new DpopProofError(`the DPoP proof signature or claims are invalid (${(error as Error).message})`);
  }
}

/** The proof's claims against the request: a jti, a recent iat, the method, the URL and (with a token) its hash. */
function checkClaims(payload: Record<string, unknown>, expected: DpopExpectation): { iat: number; jti: string } {
  const nowS = expected.nowMs / 1000;
  const { htm, htu, iat, jti, ath } = payload;
  if (typeof jti !== 'string' || jti === '') throw new DpopProofError('the DPoP proof has no jti');
  if (typeof iat !== 'number') throw new DpopProofError('the DPoP proof has no iat');
  if (iat < nowS - MAX_AGE_S || iat > nowS + MAX_FUTURE_S) throw new DpopProofError('the DPoP proof iat is not recent');
  if (htm !== expected.htm)
    throw new DpopProofError(`the DPoP proof htm ${String(htm)} does not match the request method ${expected.htm}`);
  const wanted = withoutQuery(expected.htu);
  if (typeof htu !== 'string' || withoutQuery(htu) !== wanted)
    throw new DpopProofError(`the DPoP proof htu ${String(htu)} does not match ${String(wanted)}`);
  if (expected.ath !== undefined) {
    if (typeof ath !== 'string') throw new DpopProofError('the DPoP proof has no ath');
    if (ath !== expected.ath) throw new DpopProofError('the DPoP proof ath does not match the access token');
  }
  return { iat, jti };
}

/** Checks everything but the nonce (the token endpoint decides about that). Does not record the jti. */
export async function verifyDpopProof(
  header: string | string[] | undefined,
  expected: DpopExpectation,
  usedJtis: JtiMemory,
): Promise<VerifiedProof> {
  if (header === undefined || header === '') throw new DpopProofError('the DPoP proof is missing');
  if (Array.isArray(header) || header.includes(',')) throw new DpopProofError('exactly one DPoP header is allowed');
  const proof = header.trim();
  checkHeader(proof);
  const { payload, jwk } = await verifiedSignature(proof, expected.nowMs);
  const { iat, jti } = checkClaims(payload, expected);
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  if (expected.jkt !== undefined && jkt !== expected.jkt)
    throw new DpopProofError('the DPoP proof key is not the key the access token is bound to');
  if (usedJtis.has(jti, expected.nowMs)) throw new DpopProofError('the DPoP proof jti was already used');
  return {
    jkt,
    jti,
    nonce: typeof payload.nonce === 'string' ? payload.nonce : undefined,
    replayableUntilMs: (iat + MAX_AGE_S + 1) * 1000,
  };
}
