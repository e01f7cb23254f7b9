// DPoP (RFC 9449): an ephemeral ES256 key pair per session, separate from the client-auth key, and the per-request
// proofs.
import { createHash, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface DpopProofInput {
  /** HTTP method of the request the proof is for (`htm`). */
  method: string;
  /** The request URL; query and fragment are dropped for `htu`. */
  url: string;
  /** Seconds since the epoch; defaults to the system clock. */
  nowSeconds?: number;
  /** The server's `DPoP-Nonce`, when it asked for one. */
  nonce?: string;
  /** For resource requests: binds the proof to this access token (`ath`). */
  accessToken?: string;
}

/** `htu`: the request URL without query and fragment. */
export function dpopHtu(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** `ath`: base64url(SHA-256(access token)). */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest('base64url');
}

/** The session's DPoP key. The private half is not extractable and stays in a private field. */
export class DpopKey {
  readonly #privateKey: CryptoKey;
  /** The public key as it goes into every proof's `jwk` header. */
  readonly publicJwk: Readonly<JWK>;
  /** RFC 7638 thumbprint of the public key: what a DPoP-bound token's `cnf.jkt` names. */
  readonly thumbprint: string;

  private constructor(privateKey: CryptoKey, publicJwk: JWK, thumbprint: string) {
    this.#privateKey = privateKey;
    this.publicJwk = Object.freeze(publicJwk);
    this.thumbprint = thumbprint;
  }

  /** A fresh ES256 key pair; never the client-assertion key (Okta advises keeping them apart). */
  static async generate(): Promise<DpopKey> {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: false });
    const { kty, crv, x, y } = await exportJWK(publicKey);
    const publicJwk: JWK = { kty, crv, x, y };
    return new DpopKey(privateKey, publicJwk, await calculateJwkThumbprint(publicJwk, 'sha256'));
  }

  /**
   * A proof for one request: header `typ: dpop+jwt`, `alg: ES256`, `jwk`; claims `htm`, `htu`, `iat`, `jti` (+ `nonce`,
   * `ath`).
   */
  proof(input: DpopProofInput): Promise<string> {
    const claims: Record<string, string> = { htm: input.method.toUpperCase(), htu: dpopHtu(input.url) };
    if (input.nonce !== undefined) claims.nonce = input.nonce;
    if (input.accessToken !== undefined) claims.ath = accessTokenHash(input.accessToken);
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: { ...this.publicJwk } })
      .setIssuedAt(input.nowSeconds ?? Math.floor(Date.now() / 1000))
      .setJti(randomUUID())
      .sign(this.#privateKey);
  }

  toJSON(): object {
    return { alg: 'ES256', thumbprint: this.thumbprint };
  }
}
