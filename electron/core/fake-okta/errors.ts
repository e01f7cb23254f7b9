// Okta-shaped API errors (errorCode, errorSummary, errorLink, errorId, errorCauses) and the codes the fake server uses.
import { randomBytes } from 'node:crypto';
import type { OktaErrorBody } from '../../../shared/okta/types';
import type { Stage } from './pipeline';

export class OktaApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: readonly string[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${errorCode}: ${errorSummary}`);
    this.name = 'OktaApiError';
  }
}

/** Okta error ids look like "oaeXXXXXXXXXXXXXXXXXXXXXX": a per-request id for support, never reused. */
export function newErrorId(): string {
  return `oae${randomBytes(17).toString('base64url').slice(0, 22)}`;
}

export function errorBody(error: OktaApiError, errorId: string = newErrorId()): OktaErrorBody {
  return {
    errorCode: error.errorCode,
    errorSummary: error.errorSummary,
    errorLink: error.errorCode, // Okta currently repeats the code here
    errorId,
    errorCauses: error.causes.map((errorSummary) => ({ errorSummary })),
  };
}

export const invalidToken = (): OktaApiError => new OktaApiError(401, 'E0000011', 'Invalid token provided');

/** `what` is e.g. "00u123 (User)" or "/api/v1/nope (Path)". */
export const notFound = (what: string): OktaApiError =>
  new OktaApiError(404, 'E0000007', `Not found: Resource not found: ${what}`);

export const methodNotAllowed = (method: string, allow = 'GET'): OktaApiError =>
  new OktaApiError(
    405,
    'E0000022',
    'The endpoint does not support the provided HTTP method',
    [`Method ${method} is not supported`],
    { Allow: allow },
  );

export const invalidSearch = (detail: string): OktaApiError =>
  new OktaApiError(400, 'E0000031', 'Invalid search criteria.', [detail]);

export const validationFailed = (field: string, detail: string): OktaApiError =>
  new OktaApiError(400, 'E0000001', `Api validation failed: ${field}`, [`${field}: ${detail}`]);

export const internalError = (): OktaApiError => new OktaApiError(500, 'E0000009', 'Internal Server Error');

export const serviceUnavailable = (): OktaApiError => new OktaApiError(503, 'E0000010', 'Service is in read only mode');

/** The 429 body of components.responses.ErrorTooManyRequests429, for bucket and concurrency limits alike. */
export const tooManyRequests = (): OktaApiError =>
  new OktaApiError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');

/** An admin role without the right, or (OAuth) a token without the scope the endpoint needs. */
export const accessDenied = (cause?: string): OktaApiError =>
  new OktaApiError(403, 'E0000006', 'You do not have permission to perform the requested action', cause ? [cause] : []);

/** 401 E0000011 with a cause and, for OAuth schemes, a WWW-Authenticate challenge. */
export const invalidTokenBecause = (cause: string, headers: Readonly<Record<string, string>> = {}): OktaApiError =>
  new OktaApiError(401, 'E0000011', 'Invalid token provided', [cause], headers);

/** Pipeline stage: turns a thrown OktaApiError (or any crash, as E0000009) into Okta's error response. */
export const answerErrors: Stage = async (_request, next) => {
  try {
    return await next();
  } catch (caught) {
    const error = caught instanceof OktaApiError ? caught : internalError();
    if (!(caught instanceof OktaApiError)) console.error('fake Okta server: unexpected error', caught);
    return { status: error.status, body: errorBody(error), headers: { ...error.headers } };
  }
};
