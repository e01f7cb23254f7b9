// One HTTP request to BalkanID or to the storage behind a pre-signed URL, on node:http(s), with time limits:
// `idleMs` without a byte moving either way (connecting, sending, waiting, reading), and `answerMs` for the whole
// answer once the request is sent (a server that drips its answer). Redirects are not followed: the API key must not
// be sent anywhere but the base URL. The answer's body is kept up to 64 KiB (JSON with a URL, or an error page).
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { writeFileBody, type FileBody } from './fileBody';
import { BalkanIdUploadError, cancelled, describeUrl, TransientFailure } from './uploadErrors';

export interface TimeLimits {
  idleMs: number;
  answerMs: number;
}

export interface ExchangeRequest {
  method: 'POST' | 'PUT';
  url: URL;
  headers: Record<string, string | number>;
  /** A file sent as the raw body; without it the request has an empty body. */
  body?: FileBody;
  limits: TimeLimits;
  signal?: AbortSignal;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The first 64 KiB of the body, as text. */
  text: string;
}

const MAX_ANSWER_BYTES = 64 * 1024;

export function exchange(request: ExchangeRequest): Promise<Answer> {
  const { url, signal, limits } = request;
  if (signal?.aborted) return Promise.reject(cancelled(signal));
  return new Promise<Answer>((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, { method: request.method, headers: request.headers, agent: false, timeout: limits.idleMs });
    let answerTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(answerTimer);
      signal?.removeEventListener('abort', onAbort);
      req.destroy(); // one request per connection (agent: false); a body still being sent after an answer is dropped
      outcome();
    };
    const fail = (error: Error) => settle(() => reject(error));
    const onAbort = () => fail(cancelled(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('timeout', () =>
      fail(new TransientFailure(`${describeUrl(url)} sent nothing for ${seconds(limits.idleMs)}`, 'network')),
    );
    req.on('error', (error) => fail(networkFailure(error, url)));
    req.on('finish', () => {
      const late = () =>
        fail(new TransientFailure(`${describeUrl(url)} did not answer within ${seconds(limits.answerMs)}`, 'network'));
      answerTimer = setTimeout(late, limits.answerMs);
    });
    req.on('response', (response) => {
      readAnswerText(response).then(
        (text) => settle(() => resolve({ status: response.statusCode ?? 0, headers: response.headers, text })),
        fail,
      );
    });
    if (request.body) writeFileBody(req, request.body).catch((error: Error) => fail(error));
    else req.end();
  });
}

/** The first MAX_ANSWER_BYTES of the body; the rest is not read (the connection is dropped instead). */
function readAnswerText(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      kept += chunk.length;
      if (kept < MAX_ANSWER_BYTES) return;
      done(); // first: destroying emits 'aborted' at once
      response.destroy();
    });
    response.on('end', done);
    response.on('aborted', () => reject(new TransientFailure('the answer was cut off', 'network')));
    response.on('error', () => reject(new TransientFailure('the answer was cut off', 'network')));
  });
}

/** Connection failures: most are worth retrying; a name that does not resolve or an untrusted certificate is not. */
function networkFailure(error: Error, url: URL): Error {
  if (error instanceof BalkanIdUploadError || error instanceof TransientFailure) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = url.host;
  if (code === 'ENOTFOUND')
    return new BalkanIdUploadError('network', `the name ${url.hostname} cannot be found: check the base URL and DNS`);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return new BalkanIdUploadError(
      'network',
      `the TLS certificate of ${where} is not trusted (${code}): a proxy that inspects TLS? Ask your network team ` +
        'for its CA certificate (NODE_EXTRA_CA_CERTS=FILE) or to let the upload through',
    );
  if (code === 'ECONNREFUSED')
    return new TransientFailure(`nothing answers at ${where} (connection refused)`, 'network');
  return new TransientFailure(`the connection to ${where} failed (${code || error.message})`, 'network');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
