// Pipeline stage: who is calling. "SSWS <api token>" as an Okta org accepts API tokens; with OAuth configured also
// "Bearer <access token>" and "DPoP <access token>" plus a per-request DPoP proof bound to the token's key.
import { timingSafeEqual } from 'node:crypto';
import { invalidToken, invalidTokenBecause } from './errors';
import type { FakeServerClock } from './fakeClock';
import { DpopProofError, accessTokenHash, verifyDpopProof } from './oauth/dpopProof';
import type { OAuthServerState } from './oauth/oauthState';
import type { FakeRequest, Principal, Stage } from './pipeline';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface AuthSettings {
  /** Read per request so a test can rotate it; undefined: SSWS is refused. */
  apiToken: () => string | undefined;
  /** Null: no OAuth, so Bearer and DPoP are refused. */
  oauth: OAuthServerState | null;
  clock: FakeServerClock;
}

const challenge = (scheme: 'Bearer' | 'DPoP', error: string, description: string) => ({
  'WWW-Authenticate': `${scheme} error="${error}", error_description="${description.replace(/"/g, "'")}"`,
});

async function oauthPrincipal(
  request: FakeRequest,
  scheme: 'Bearer' | 'DPoP',
  accessToken: string,
  settings: AuthSettings,
): Promise<Principal> {
  const token = settings.oauth?.lookup(accessToken);
  if (!settings.oauth || !token) throw invalidToken();
  const nowMs = settings.clock.now();
  if (token.expiresAtMs <= nowMs)
    throw invalidTokenBecause(
      'The access token is expired.',
      challenge(scheme, 'invalid_token', 'The access token is expired.'),
    );
  if (scheme === 'Bearer') {
    if (token.jkt)
      throw invalidTokenBecause(
        'A DPoP-bound access token was presented with the Bearer scheme.',
        challenge('Bearer', 'invalid_token', 'The access token is DPoP-bound.'),
      );
    return { kind: 'oauth', tokenType: 'Bearer', scopes: token.scopes };
  }
  if (!token.jkt)
    throw invalidTokenBecause(
      'A Bearer access token was presented with the DPoP scheme.',
      challenge('DPoP', 'invalid_token', 'The access token is not DPoP-bound.'),
    );
  await checkDpopProof(request, accessToken, token.jkt, settings.oauth, nowMs);
  return { kind: 'oauth', tokenType: 'DPoP', scopes: token.scopes };
}

/** The request's DPoP proof, for this token's key and this request; its jti is remembered so it cannot be replayed. */
async function checkDpopProof(
  request: FakeRequest,
  accessToken: string,
  jkt: string,
  oauth: OAuthServerState,
  nowMs: number,
): Promise<void> {
  const htu = `${request.baseUrl}${request.url.pathname}`;
  try {
    const proof = await verifyDpopProof(
      request.headers.dpop,
      { htm: request.method, htu, nowMs, ath: accessTokenHash(accessToken), jkt },
      oauth.proofJtis,
    );
    oauth.proofJtis.remember(proof.jti, proof.replayableUntilMs, nowMs);
  } catch (error) {
    if (!(error instanceof DpopProofError)) throw error;
    throw invalidTokenBecause(
      `Invalid DPoP proof: ${error.message}.`,
      challenge('DPoP', 'invalid_dpop_proof', error.message),
    );
  }
}

export function authenticate(settings: AuthSettings): Stage {
  return async (request, next) => {
    const header = String(request.headers.authorization ?? '').trim();
    const match = /^(\S+)\s+(\S.*)$/.exec(header);
    const scheme = match?.[1]?.toLowerCase();
    const credential = match?.[2]?.trim() ?? '';
    if (scheme === 'ssws') {
      const apiToken = settings.apiToken();
      if (apiToken === undefined || !sameSecret(credential, apiToken)) throw invalidToken();
      request.principal = { kind: 'ssws' };
    } else if (scheme === 'bearer' || scheme === 'dpop') {
      request.principal = await oauthPrincipal(request, scheme === 'bearer' ? 'Bearer' : 'DPoP', credential, settings);
    } else {
      throw invalidToken();
    }
    return next();
  };
}
