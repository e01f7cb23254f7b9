// ServiceFailure: the error a service method throws to return a specific ServiceErrorCode and plain message to the
// caller.
import { SERVICE_ERROR_CODES, type ServiceErrorCode } from '../../../shared/service/errors';

const KNOWN_CODES: ReadonlySet<string> = new Set(SERVICE_ERROR_CODES);

export function isServiceErrorCode(value: unknown): value is ServiceErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

/**
 * Throw from a service method to send `{ ok: false, error: { code, message } }` to the caller.
 * The message must be plain, user-facing text: it crosses the transport unchanged.
 */
export class ServiceFailure extends Error {
  override readonly name = 'ServiceFailure';

  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for a ServiceFailure or any error-like object whose `code` is a ServiceErrorCode. */
export function isServiceFailureLike(error: unknown): error is { code: ServiceErrorCode; message: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return isServiceErrorCode(code) && typeof message === 'string';
}
