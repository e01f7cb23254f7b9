// The fake org authorization server's state: the one registered service app, issued access tokens (opaque,
// possibly DPoP-bound), used-jti memories for client assertions and DPoP proofs, and the current DPoP nonce.
import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';

export interface OAuthOptions {
  clientId: string;
  /** The client's public keys (RS256 and/or ES256), each with a `kid`. */
  publicJwks: JSONWebKeySet;
  /** Default true, as for API Services apps created since 2024. */
  requireDpop?: boolean;
  /** Default 3600. */
  accessTokenTtlSeconds?: number;
}

/** The only scopes this fake grants (a read-only puller's); anything else is invalid_scope. */
export const GRANTABLE_SCOPES: readonly string[] = [
  'okta.users.read',
  'okta.groups.read',
  'okta.apps.read',
  'okta.roles.read',
];

export interface IssuedToken {
  scopes: readonly string[];
  expiresAtMs: number;
  /** RFC 7638 SHA-256 thumbprint of the DPoP key the token is bound to; null for a Bearer token. */
  jkt: string | null;
}

/** Remembers used `jti` values until they could no longer be accepted anyway. */
export class JtiMemory {
  private readonly seen = new Map<string, number>();

  has(jti: string, nowMs: number): boolean {
    const until = this.seen.get(jti);
    return until !== undefined && until > nowMs;
  }

  remember(jti: string, untilMs: number, nowMs: number): void {
    if (this.seen.size > 10_000) for (const [key, until] of this.seen) if (until <= nowMs) this.seen.delete(key);
    this.seen.set(jti, untilMs);
  }
}

export class OAuthServerState {
  readonly clientId: string;
  readonly requireDpop: boolean;
  readonly ttlSeconds: number;
  readonly jwks: ReturnType<typeof createLocalJWKSet>;
  readonly assertionJtis = new JtiMemory();
  readonly proofJtis = new JtiMemory();
  private readonly tokens = new Map<string, IssuedToken>();
  /** Okta rotates its nonce daily and accepts old ones for days; one nonce per server is enough here. */
  dpopNonce = randomBytes(24).toString('base64url');

  constructor(options: OAuthOptions) {
    if (!options.clientId) throw new RangeError('oauth.clientId is required');
    this.clientId = options.clientId;
    this.requireDpop = options.requireDpop ?? true;
    this.ttlSeconds = options.accessTokenTtlSeconds ?? 3600;
    if (!(this.ttlSeconds > 0))
      throw new RangeError(`oauth.accessTokenTtlSeconds must be positive, got ${this.ttlSeconds}`);
    this.jwks = createLocalJWKSet(options.publicJwks);
  }

  issue(scopes: readonly string[], jkt: string | null, nowMs: number): string {
    const accessToken = randomBytes(32).toString('base64url');
    if (this.tokens.size > 10_000)
      for (const [key, token] of this.tokens) if (token.expiresAtMs <= nowMs) this.tokens.delete(key);
    this.tokens.set(accessToken, { scopes: [...scopes], expiresAtMs: nowMs + this.ttlSeconds * 1000, jkt });
    return accessToken;
  }

  lookup(accessToken: string): IssuedToken | undefined {
    return this.tokens.get(accessToken);
  }
}
