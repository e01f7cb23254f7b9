// Failures talking to Okta, each with a message that says what went wrong and what to do. Never holds a token.
import type { OktaErrorBody } from '../../../shared/okta/types';

export type OktaFailureKind =
  'auth' | 'permission' | 'not-found' | 'request' | 'unavailable' | 'rate-limit' | 'unsafe-link';

export class OktaError extends Error {
  override name = 'OktaError';
  constructor(
    readonly kind: OktaFailureKind,
    message: string,
    readonly status?: number,
    readonly errorCode?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function parseOktaErrorBody(text: string): Partial<OktaErrorBody> {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object') return body;
  } catch {
    // not JSON: fall through
  }
  return {};
}

/** Builds the error for a non-2xx answer; `what` names the object kind being read, e.g. "group members". */
export function oktaErrorForResponse(
  orgUrl: string,
  status: number,
  bodyText: string,
  what: string,
  authDescription = 'API token',
): OktaError {
  const body = parseOktaErrorBody(bodyText);
  const code = body.errorCode ? ` (${body.errorCode})` : '';
  const summary = body.errorSummary ? `: ${body.errorSummary}` : '';
  const [kind, message]: [OktaFailureKind, string] =
    status === 401
      ? ['auth', rejectedMessage(orgUrl, code, authDescription)]
      : status === 403
        ? [
            'permission',
            `${orgUrl} refused to list ${what}${code}: the token's admin lacks that permission. Give the admin (or ` +
              `service app) a role that can view ${what}, or accept that the export will lack them.`,
          ]
        : otherStatusProblem(orgUrl, status, what, code + summary, code);
  return new OktaError(kind, message, status, body.errorCode);
}

/** A 401: the credentials themselves were refused. */
function rejectedMessage(orgUrl: string, code: string, authDescription: string): string {
  const advice =
    authDescription === 'API token'
      ? 'it is wrong, expired (30 days unused) or revoked. Create a new API token under Security > API > ' +
        'Tokens and try again.'
      : `its access token was refused. Check that ${authDescription} is active, has the okta.*.read scopes ` +
        `granted and an admin role assigned.`;
  return `${authDescription === 'API token' ? 'token' : authDescription} rejected by ${orgUrl}${code}: ${advice}`;
}

/** Any other non-2xx status; `said` is Okta's error code and summary, `code` the code alone. */
function otherStatusProblem(
  orgUrl: string,
  status: number,
  what: string,
  said: string,
  code: string,
): [OktaFailureKind, string] {
  if (status === 404) return ['not-found', `${orgUrl} has no ${what} here${said}`];
  if (status === 429) {
    return [
      'rate-limit',
      `${orgUrl} kept answering 429 (rate limit) for ${what}${code}; try again later or lower --share`,
    ];
  }
  if (status >= 500) {
    return [
      'unavailable',
      `${orgUrl} failed with HTTP ${status} while listing ${what}${said}; retry later (the pull can be resumed)`,
    ];
  }
  return ['request', `${orgUrl} answered HTTP ${status} while listing ${what}${said}`];
}
