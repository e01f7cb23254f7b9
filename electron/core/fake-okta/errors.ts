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
export const notFound = (what: string): OktaApiError => new OktaApiError(404, 'E0000007', `Not found: Resource not found: ${what}`);

export const methodNotAllowed = (method: string): OktaApiError =>
  new OktaApiError(405, 'E0000022', 'The endpoint does not support the provided HTTP method', [`Method ${method} is not supported`], { Allow: 'GET' });

export const invalidSearch = (detail: string): OktaApiError => new OktaApiError(400, 'E0000031', 'Invalid search criteria.', [detail]);

export const validationFailed = (field: string, detail: string): OktaApiError =>
  new OktaApiError(400, 'E0000001', `Api validation failed: ${field}`, [`${field}: ${detail}`]);

export const internalError = (): OktaApiError => new OktaApiError(500, 'E0000009', 'Internal Server Error');

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
