// Pipeline stage for POST /oauth2/v1/token: client credentials with private_key_jwt, scopes, and the DPoP nonce
// handshake (no proof -> invalid_dpop_proof; proof without the nonce -> 400 use_dpop_nonce + DPoP-Nonce header).
import { methodNotAllowed } from '../errors';
import type { FakeServerClock } from '../fakeClock';
import type { FakeRequest, FakeResponse, Stage } from '../pipeline';
import type { StatsRecorder } from '../serverStats';
import { OAuthError, verifyClientAssertion } from './clientAssertion';
import { DpopProofError, verifyDpopProof } from './dpopProof';
import { GRANTABLE_SCOPES, type OAuthServerState } from './oauthState';

export const TOKEN_PATH = '/oauth2/v1/token';
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function parseForm(request: FakeRequest): URLSearchParams {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new OAuthError(
      400,
      'invalid_request',
      'The token request must be sent as application/x-www-form-urlencoded.',
    );
  }
  return new URLSearchParams(request.body);
}

function grantedScopes(form: URLSearchParams): string[] {
  const requested = (form.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  if (requested.length === 0)
    throw new OAuthError(
      400,
      'invalid_scope',
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    );
  const refused = requested.filter((scope) => !GRANTABLE_SCOPES.includes(scope));
  if (refused.length > 0)
    throw new OAuthError(
      400,
      'invalid_scope',
      `One or more scopes are not configured for the authorization server resource: ${refused.join(' ')}`,
    );
  return [...new Set(requested)];
}

/** Returns the bound key's thumbprint, or null for a Bearer token (DPoP not required and no proof sent). */
async function checkDpop(
  request: FakeRequest,
  state: OAuthServerState,
  tokenUrl: string,
  nowMs: number,
): Promise<string | null> {
  const header = request.headers.dpop;
  if (header === undefined) {
    if (state.requireDpop) throw new OAuthError(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.');
    return null;
  }
  let proof;
  try {
    proof = await verifyDpopProof(header, { htm: 'POST', htu: tokenUrl, nowMs }, state.proofJtis);
  } catch (error) {
    if (error instanceof DpopProofError)
      throw new OAuthError(400, 'invalid_dpop_proof', `The DPoP proof JWT is invalid: ${error.message}.`);
    throw error;
  }
  if (proof.nonce !== state.dpopNonce) {
    throw new OAuthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', {
      'DPoP-Nonce': state.dpopNonce,
    });
  }
  state.proofJtis.remember(proof.jti, proof.replayableUntilMs, nowMs);
  return proof.jkt;
}

async function issueToken(request: FakeRequest, state: OAuthServerState, nowMs: number): Promise<FakeResponse> {
  const tokenUrl = `${request.baseUrl}${TOKEN_PATH}`;
  const form = parseForm(request);
  if (form.get('grant_type') !== 'client_credentials') {
    throw new OAuthError(
      400,
      'unsupported_grant_type',
      `The authorization grant type is not supported by the authorization server: ` +
        `${form.get('grant_type') ?? '(none)'}.`,
    );
  }
  const assertion = await verifyClientAssertion(form, state, tokenUrl, nowMs);
  const scopes = grantedScopes(form);
  const jkt = await checkDpop(request, state, tokenUrl, nowMs);
  // The assertion is spent only now: a nonce retry carrying the same assertion is not a replay.
  if (assertion.jti !== undefined) state.assertionJtis.remember(assertion.jti, assertion.expMs + 60_000, nowMs);
  const body = {
    token_type: jkt ? 'DPoP' : 'Bearer',
    expires_in: state.ttlSeconds,
    access_token: state.issue(scopes, jkt, nowMs),
    scope: scopes.join(' '),
  };
  return { status: 200, body, headers: { ...NO_STORE } };
}

export interface TokenEndpointContext {
  /** Null when the server has no `oauth` option: every token request is invalid_client. */
  state: OAuthServerState | null;
  stats: StatsRecorder;
  clock: FakeServerClock;
}

export function tokenEndpoint(context: TokenEndpointContext): Stage {
  return async (request, next) => {
    if (request.url.pathname.replace(/\/+$/, '') !== TOKEN_PATH) return next();
    if (request.method !== 'POST') throw methodNotAllowed(request.method, 'POST');
    try {
      if (!context.state)
        throw new OAuthError(
          401,
          'invalid_client',
          'Client authentication failed. Either the client or the client credentials are invalid.',
        );
      const response = await issueToken(request, context.state, context.clock.now());
      context.stats.tokenRequest('issued');
      return response;
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      context.stats.tokenRequest(error.error === 'use_dpop_nonce' ? 'nonceChallenge' : 'rejected');
      return {
        status: error.status,
        body: { error: error.error, error_description: error.description },
        headers: { ...NO_STORE, ...error.headers },
      };
    }
  };
}
