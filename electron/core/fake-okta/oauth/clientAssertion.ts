// private_key_jwt client authentication for /oauth2/v1/token: the client_assertion JWT must be signed by one of the
// app's registered keys, with iss = sub = client id, aud = the token URL, exp in the future and at most 1 h ahead.
import { errors, jwtVerify } from 'jose';
import type { OAuthServerState } from './oauthState';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ASSERTION_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
const MAX_LIFETIME_S = 3600;
/** Seconds of clock skew tolerated on exp/iat/nbf, and on the 1-hour ceiling. */
const SKEW_S = 5;

/** An OAuth 2.0 error answered as `{ error, error_description }` (OSPEC OAuthError). */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${error}: ${description}`);
    this.name = 'OAuthError';
  }
}

const invalidClient = (description: string, status = 401) => new OAuthError(status, 'invalid_client', description);

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The client_assertion token is expired.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The client_assertion token has an invalid '${error.claim}' claim (${error.reason}).`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The client_assertion signature is invalid.';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'The client_assertion was not signed by a key registered for the client.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The client_assertion alg is not allowed.';
  return `The client_assertion token is invalid (${(error as Error).message}).`;
}

export interface AcceptedAssertion {
  /** Record with `state.assertionJtis` once the request succeeds (so a nonce retry may reuse it). */
  jti: string | undefined;
  expMs: number;
}

/** Throws 401 invalid_client on anything wrong, 400 invalid_client on a replayed jti. */
export async function verifyClientAssertion(
  form: URLSearchParams,
  state: OAuthServerState,
  tokenUrl: string,
  nowMs: number,
): Promise<AcceptedAssertion> {
  const assertion = form.get('client_assertion');
  if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION || !assertion) {
    throw invalidClient('Client authentication failed. Either the client or the client credentials are invalid.');
  }
  const clientId = form.get('client_id');
  if (clientId !== null && clientId !== state.clientId)
    throw invalidClient('The client_id does not match the client_assertion.');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(assertion, state.jwks, {
      issuer: state.clientId,
      subject: state.clientId,
      audience: tokenUrl,
      algorithms: ASSERTION_ALGS,
      requiredClaims: ['exp'],
      currentDate: new Date(nowMs),
      clockTolerance: SKEW_S,
    }));
  } catch (error) {
    throw invalidClient(describe(error));
  }
  const exp = payload.exp as number;
  if (exp > nowMs / 1000 + MAX_LIFETIME_S + SKEW_S)
    throw invalidClient("The client_assertion token has an 'exp' more than one hour in the future.");
  const jti = typeof payload.jti === 'string' ? payload.jti : undefined;
  if (jti !== undefined && state.assertionJtis.has(jti, nowMs))
    throw invalidClient('The client_assertion token has already been used.', 400);
  return { jti, expMs: exp * 1000 };
}
