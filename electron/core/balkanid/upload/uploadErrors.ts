// The failures of an upload to BalkanID, each with a plain message that says what to do. No message ever holds the API
// key secret, a request header, or the query of a pre-signed URL (its signature is a credential too).

export type UploadFailureKind =
  /** The bundle failed its check (validation errors, a missing or changed file): nothing was sent. */
  | 'bundle-refused'
  /** 401: the API key id or secret is wrong. */
  | 'auth'
  /** 403 from BalkanID's API: the key may not upload. */
  | 'permission'
  /** 413: the file is larger than the endpoint takes. */
  | 'too-large'
  /** 5xx (or 429) after the retries: BalkanID or its storage had a problem. */
  | 'server'
  /** The pre-signed URL had expired, and so had a fresh one. */
  | 'expired-url'
  /** The storage behind the pre-signed URL refused the upload for another reason. */
  | 'storage-refused'
  /** An answer that is not what the API sends: an HTML page, a redirect, an unknown status, JSON without `url`. */
  | 'odd-answer'
  /** The network failed or a time limit passed, after the retries. */
  | 'network'
  /** A file changed on disk while it was being sent; the upload was stopped before its last bytes. */
  | 'file-changed'
  | 'cancelled';

export class BalkanIdUploadError extends Error {
  override name = 'BalkanIdUploadError';
  /** Files of the bundle BalkanID had already received when this ended the upload (set by uploadBundle). */
  sentBefore: string[] = [];
  constructor(
    readonly kind: UploadFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * A failure worth another attempt: `server` for a 5xx or 429 (`retryAfterMs` is its Retry-After), `network` for a
 * connection that failed or a time limit that passed.
 */
export class TransientFailure extends Error {
  override name = 'TransientFailure';
  constructor(
    message: string,
    readonly kind: 'server' | 'network',
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const GIVE_UP_ADVICE = {
  server: 'BalkanID had a problem on its side: try again later, and tell BalkanID support if it goes on.',
  network:
    'Check the network (proxy, VPN, firewall) and that BalkanID can be reached from this computer, then try again.',
};

/** The error that ends an upload when a transient failure outlasted its retries (or asked for too long a wait). */
export function gaveUp(failure: TransientFailure, attempts: number): BalkanIdUploadError {
  const tries = attempts === 1 ? 'once' : `${attempts} times`;
  const wait =
    failure.retryAfterMs !== undefined ? ` BalkanID asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s.` : '';
  return new BalkanIdUploadError(
    failure.kind,
    `${failure.message} (tried ${tries}).${wait} ${GIVE_UP_ADVICE[failure.kind]}`,
  );
}

/** The user (or the caller's signal) stopped the upload. */
export function cancelled(signal: AbortSignal | undefined): BalkanIdUploadError {
  const reason = signal?.reason instanceof Error ? signal.reason.message : 'cancelled';
  return new BalkanIdUploadError('cancelled', `the upload was cancelled (${reason})`);
}

/** Where a URL points, for messages: origin and path, never the query (a pre-signed URL's query is its credential). */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The error's message, plus which files BalkanID already has when the upload stopped part-way. */
export function describeUploadFailure(error: BalkanIdUploadError): string {
  if (error.sentBefore.length === 0) return error.message;
  const sent = error.sentBefore.join(' and ');
  return `${error.message} ${sent} had already been sent: upload the bundle again to send every file, in order.`;
}
