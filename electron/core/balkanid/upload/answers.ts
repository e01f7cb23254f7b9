// Reads BalkanID's answers: the upload URL from POST …/upload-url, and what a PUT to it came to. Every status is
// turned into a retry, a fresh URL or a final error with a plain message; answer bodies are quoted only as short
// codes (an HTML page or a proxy's text might echo the request).
import type { Answer } from './httpExchange';
import { isLoopbackHost } from '../../okta/orgUrl';
import { BalkanIdUploadError, describeUrl, TransientFailure } from './uploadErrors';
import { parseRetryAfter } from './retryPolicy';

const BASE_URL_HINT = 'check the base URL (BalkanID is at https://app.balkan.id)';

function looksLikeHtml(answer: Answer): boolean {
  return /text\/html/i.test(answer.headers['content-type'] ?? '') || /^\s*<(!doctype|html)/i.test(answer.text);
}

/** 5xx and 429 are worth another attempt; the caller has already handled what is final for it. */
function transientOrUndefined(answer: Answer, what: string): TransientFailure | undefined {
  const retryAfterMs = parseRetryAfter(String(answer.headers['retry-after'] ?? ''));
  if (answer.status === 429)
    return new TransientFailure(`${what} was refused as too many requests (HTTP 429)`, 'server', retryAfterMs);
  if (answer.status >= 500)
    return new TransientFailure(
      `BalkanID had an error answering ${what} (HTTP ${answer.status})`,
      'server',
      retryAfterMs,
    );
  return undefined;
}

/** The upload URL from a POST …/upload-url answer, or the error (final or transient) the answer means. */
export function uploadUrlFromAnswer(answer: Answer, endpoint: URL, fileName: string): URL {
  const what = `the request for an upload URL for ${fileName}`;
  if (answer.status === 401)
    throw new BalkanIdUploadError(
      'auth',
      'BalkanID refused the API key (HTTP 401): the key id or secret is wrong, or the key was deleted. Create an ' +
        "API key in BalkanID's settings, keep its secret in a file only you can read (chmod 600), and give its id " +
        'and that file again.',
      401,
    );
  if (answer.status === 403)
    throw new BalkanIdUploadError(
      'permission',
      `BalkanID knows the API key but it may not upload (HTTP 403 for ${describeUrl(endpoint)}): ask a BalkanID ` +
        'administrator for a key whose role may upload integration data.',
      403,
    );
  if (answer.status === 413) throw tooLarge(fileName, endpoint);
  const transient = transientOrUndefined(answer, what);
  if (transient) throw transient;
  if (answer.status >= 300 && answer.status < 400) throw redirected(answer, endpoint);
  if (answer.status === 404)
    throw odd(`${describeUrl(endpoint)} does not exist (HTTP 404): ${BASE_URL_HINT}`, answer.status);
  if (answer.status < 200 || answer.status >= 300)
    throw odd(`BalkanID answered ${what} with HTTP ${answer.status}${htmlNote(answer)}`, answer.status);
  if (looksLikeHtml(answer))
    throw odd(
      `${endpoint.host} answered ${what} with an HTML page instead of JSON: a proxy's sign-in page, a captive ` +
        `portal, or a wrong base URL? Sign in to the network's portal if there is one, and ${BASE_URL_HINT}.`,
    );
  return checkedUploadUrl(answer, endpoint, what);
}

function checkedUploadUrl(answer: Answer, endpoint: URL, what: string): URL {
  let url: unknown;
  try {
    url = (JSON.parse(answer.text) as { url?: unknown } | null)?.url;
  } catch {
    throw odd(`BalkanID answered ${what} with ${answer.text.length} characters that are not JSON; ${BASE_URL_HINT}`);
  }
  if (typeof url !== 'string' || url === '')
    throw odd(`BalkanID answered ${what} without an upload URL (no "url" in its JSON): has its API changed?`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw odd(`BalkanID answered ${what} with an upload URL that is not a URL`);
  }
  const loopbackHttp = parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopbackHttp)
    throw odd(`BalkanID answered ${what} with an upload URL that is not https (${parsed.protocol}//${parsed.host})`);
  return parsed;
}

/** What a PUT to a pre-signed URL came to: done, an expired URL (ask for a fresh one), or an error. */
export function putOutcome(answer: Answer, target: URL, fileName: string): 'stored' | 'expired' {
  if (answer.status >= 200 && answer.status < 300) return 'stored';
  if (isExpired(answer)) return 'expired';
  if (answer.status === 413) throw tooLarge(fileName, target);
  const transient = transientOrUndefined(answer, `the upload of ${fileName}`);
  if (transient) throw transient;
  const code = storageCode(answer);
  if (answer.status === 403)
    throw new BalkanIdUploadError(
      'storage-refused',
      `the storage behind BalkanID's upload URL refused ${fileName} (HTTP 403${code}). Try again; if it goes on, ` +
        'tell BalkanID support.',
      403,
    );
  throw odd(
    `the upload of ${fileName} to ${target.host} was answered HTTP ${answer.status}${code}${htmlNote(answer)}`,
    answer.status,
  );
}

/**
 * S3 answers an expired pre-signed URL with 403 AccessDenied "Request has expired"; S3 and GCS answer an expired
 * session token with 400 ExpiredToken. A 403 AccessDenied without a reason is treated as expired too: a fresh URL is
 * asked for once (see uploadOneFile), which is safe, and a second refusal ends the upload.
 */
function isExpired(answer: Answer): boolean {
  if (answer.status === 400) return /ExpiredToken|TokenExpired|Request has expired/i.test(answer.text);
  if (answer.status !== 403) return false;
  return /Request has expired|ExpiredToken|<Code>\s*AccessDenied\s*<\/Code>/i.test(answer.text);
}

/** The storage's error code and message from its XML (S3, GCS), e.g. " SignatureDoesNotMatch: …". */
function storageCode(answer: Answer): string {
  const code = /<Code>\s*([A-Za-z0-9.]{1,64})\s*<\/Code>/.exec(answer.text)?.[1];
  const message = /<Message>([^<]{1,200})<\/Message>/.exec(answer.text)?.[1]?.trim();
  if (!code) return '';
  return message ? ` ${code}: ${message}` : ` ${code}`;
}

function tooLarge(fileName: string, where: URL): BalkanIdUploadError {
  return new BalkanIdUploadError(
    'too-large',
    `${fileName} is larger than ${where.host} accepts (HTTP 413). Make it smaller: export fewer relation kinds ` +
      '(--relations, or the Export screen) and upload the others in a second bundle, leave out user attributes ' +
      '(--user-attributes), or ask BalkanID support for the limit.',
    413,
  );
}

function redirected(answer: Answer, endpoint: URL): BalkanIdUploadError {
  let to = 'another address';
  try {
    to = describeUrl(new URL(String(answer.headers.location ?? ''), endpoint));
  } catch {
    // no usable Location: say "another address"
  }
  return odd(
    `${describeUrl(endpoint)} redirects to ${to} (HTTP ${answer.status}): ${BASE_URL_HINT}. Redirects are not ` +
      'followed, so that the API key goes nowhere else.',
    answer.status,
  );
}

function htmlNote(answer: Answer): string {
  return looksLikeHtml(answer) ? ' and an HTML page (a proxy or gateway answering instead?)' : '';
}

function odd(message: string, status?: number): BalkanIdUploadError {
  return new BalkanIdUploadError('odd-answer', message, status);
}
