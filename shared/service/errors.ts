// Error codes the service returns as values (never stack traces); both transports carry them unchanged.

export const SERVICE_ERROR_CODES = [
  'UNKNOWN_METHOD',
  /** An IPC call from a frame other than the app's own window (an iframe, a page navigated to): refused unread. */
  'UNTRUSTED_SENDER',
  'INVALID_PARAMS',
  'NOT_FOUND',
  'NOT_CONNECTED',
  'OKTA_AUTH',
  'OKTA_PERMISSION',
  'OKTA_UNAVAILABLE',
  /** A pull stopped at its request cap (Okta may be looping): resumable, not broken. */
  'PULL_PAUSED',
  'CONFLICT',
  'BAD_INPUT',
  /** The bundle failed its check before upload (validation errors, a missing or changed file): nothing was sent. */
  'BUNDLE_REFUSED',
  /** BalkanID refused the API key (401) or the key may not upload (403). */
  'BALKANID_AUTH',
  /** BalkanID or the network failed (5xx, time limits, expired URLs) after the retries: try again later. */
  'BALKANID_UNAVAILABLE',
  /** BalkanID or its storage refused the file (413, a storage error) or answered something unexpected. */
  'BALKANID_REFUSED',
  'INTERNAL',
] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

export interface ServiceError {
  code: ServiceErrorCode;
  message: string;
}

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; error: ServiceError };
