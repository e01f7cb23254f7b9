// Turns failures of Okta's /oauth2/v1/token endpoint into OktaErrors that say what to fix. Never holds a secret.
import { OktaError, type OktaFailureKind } from '../oktaErrors';

export interface TokenEndpointContext {
  tokenUrl: string;
  clientId: string;
  /** The key id sent in the assertion header, if any. */
  kid: string | undefined;
  scopes: readonly string[];
}

interface OAuthErrorBody {
  error?: string;
  error_description?: string;
  errorCode?: string;
  errorSummary?: string;
}

export function parseOAuthErrorBody(text: string): OAuthErrorBody {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) return body;
  } catch {
    // not JSON
  }
  return {};
}

/** The server's own words, short, with anything that looks like a JWT or a long encoded value cut out. */
function serverDetail(body: OAuthErrorBody): string {
  const code = typeof body.error === 'string' ? body.error : typeof body.errorCode === 'string' ? body.errorCode : '';
  const raw =
    typeof body.error_description === 'string'
      ? body.error_description
      : typeof body.errorSummary === 'string'
        ? body.errorSummary
        : '';
  const text = raw
    .replace(/[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[redacted]')
    .replace(/[A-Za-z0-9+/_=-]{40,}/g, '[redacted]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  if (code && text) return ` (${code}: ${text})`;
  return code ? ` (${code})` : text ? ` (${text})` : '';
}

function scopeList(scopes: readonly string[]): string {
  return scopes.length <= 1 ? scopes.join('') : `${scopes.slice(0, -1).join(', ')} and ${scopes.at(-1)}`;
}

/** What a message needs: who asked, and the server's own words. */
interface Said {
  client: string;
  detail: string;
}

/** A non-2xx answer from the token endpoint. */
export function tokenEndpointError(context: TokenEndpointContext, status: number, bodyText: string): OktaError {
  const body = parseOAuthErrorBody(bodyText);
  const said: Said = { client: `client ${context.clientId}`, detail: serverDetail(body) };
  const code = typeof body.error === 'string' ? body.error : body.errorCode;
  const byError = typeof body.error === 'string' ? oauthErrorMessage(body.error, context, said) : undefined;
  const [kind, message] = byError ? (['auth', byError] as const) : statusProblem(status, context, said);
  return new OktaError(kind, message, status, code);
}

/** The message for an OAuth `error` code that says what to fix, or undefined for one that does not. */
function oauthErrorMessage(error: string, context: TokenEndpointContext, { client, detail }: Said): string | undefined {
  switch (error) {
    case 'invalid_client': {
      const keyHint = context.kid
        ? `the app's public key (kid ${context.kid}) matches the private key file`
        : `one of the app's public keys matches the private key file (the key file names no kid; a JWK with its ` +
          `"kid" helps Okta pick the key)`;
      return (
        `Okta rejected the client assertion for ${client}${detail}: check the client id, that ${keyHint}, ` +
        `that the app's client authentication is "Public key / Private key", and that this computer's clock ` +
        `is right`
      );
    }
    case 'invalid_scope':
      return (
        `Okta refused the scopes requested for ${client}${detail}: grant ${scopeList(context.scopes)} on the ` +
        `app's "Okta API Scopes" tab (a super admin can), and assign the app an admin role such as Read-Only ` +
        `Administrator`
      );
    case 'unauthorized_client':
      return (
        `${client} may not use the client credentials grant${detail}: it must be an API Services app ` +
        `(Applications > Create App Integration > API Services) with "Client Credentials" allowed`
      );
    case 'invalid_dpop_proof':
      return (
        `Okta rejected the DPoP proof for ${client}${detail}: check that this computer's clock is right ` +
        `(proofs are time-stamped) and try again`
      );
    case 'use_dpop_nonce':
      return `Okta kept asking ${client} for a new DPoP nonce${detail}; try again in a minute`;
    default:
      return undefined;
  }
}

/** The kind and message for an answer whose OAuth error (if any) says nothing more useful than its status. */
function statusProblem(
  status: number,
  { tokenUrl }: TokenEndpointContext,
  { client, detail }: Said,
): [OktaFailureKind, string] {
  if (status === 429) {
    return [
      'rate-limit',
      `${tokenUrl} kept answering 429 (rate limit) to the token request for ${client}${detail}; try again in a minute`,
    ];
  }
  if (status >= 500) {
    return [
      'unavailable',
      `${tokenUrl} failed with HTTP ${status} while issuing a token for ${client}${detail}; retry later (the pull ` +
        `can be resumed)`,
    ];
  }
  if (status === 404) {
    return [
      'request',
      `${tokenUrl} does not exist (HTTP 404)${detail}: check --org; OAuth needs the org URL itself, not a custom ` +
        `authorization server`,
    ];
  }
  return [
    'auth',
    `Okta refused the token request for ${client} with HTTP ${status}${detail}: check the app's settings (API ` +
      `Services app, Client Credentials, public key)`,
  ];
}

/** The token endpoint could not be reached (after retries). */
export function tokenNetworkError(context: TokenEndpointContext, detail: string): OktaError {
  return new OktaError(
    'unavailable',
    `could not reach ${context.tokenUrl} to get an access token for client ${context.clientId}: ${detail}. ` +
      `Check the network and retry; the pull can be resumed.`,
  );
}

/** A 200 answer that is not a usable token response. */
export function badTokenResponse(context: TokenEndpointContext, why: string): OktaError {
  return new OktaError(
    'request',
    `${context.tokenUrl} answered the token request for client ${context.clientId} with ${why}; is --org ` +
      `really an Okta org?`,
  );
}
