// PUT /__storage/{kind}/{id}?…: the storage behind a pre-signed URL, as S3 behaves: the signature and expiry are
// checked, the body must come with a Content-Length (S3 refuses chunked uploads), and it is stored with its SHA-256.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BundleCsvKind } from '../../../shared/balkanid/bundleCheck';
import { sendHtml, sendS3Error } from './answers';
import { MAX_KEPT_BODY_BYTES, type FakeState } from './fakeState';

export function answerStorage(state: FakeState, request: IncomingMessage, response: ServerResponse, url: URL): void {
  const check = state.signedUrls.check(url);
  if (!check.ok && check.reason !== 'expired')
    return sendS3Error(response, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match');
  if (!check.ok || state.misbehaviour.strikes('expired-url-always') || state.misbehaviour.strikes('expired-url-once'))
    return drainThen(request, () => sendS3Error(response, 403, 'AccessDenied', 'Request has expired'));
  if (state.misbehaviour.strikes('expired-token-once'))
    return drainThen(request, () => sendS3Error(response, 400, 'ExpiredToken', 'The provided token has expired.'));
  if (request.headers['transfer-encoding'])
    return sendS3Error(
      response,
      501,
      'NotImplemented',
      'A header you provided implies functionality that is not implemented',
    );
  if (request.headers['content-length'] === undefined)
    return sendS3Error(response, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
  if (state.misbehaviour.strikes('too-large'))
    return drainThen(request, () => sendHtml(response, 413, '413 Request Entity Too Large'));
  if (state.misbehaviour.strikes('storage-error-once'))
    return drainThen(request, () => sendS3Error(response, 503, 'SlowDown', 'Please reduce your request rate.'));
  receiveBody(state, request, response, check.kind);
}

function receiveBody(state: FakeState, request: IncomingMessage, response: ServerResponse, kind: BundleCsvKind): void {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let bytes = 0;
  const cutOnce = state.misbehaviour.strikes('reset-upload-once');
  request.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    if (bytes <= MAX_KEPT_BODY_BYTES) kept.push(chunk);
    if (cutOnce) request.socket.destroy();
  });
  request.on('end', () => {
    if (cutOnce) return; // a body cut short is never stored
    if (state.misbehaviour.strikes('hang-upload')) {
      state.hanging.add(response);
      return;
    }
    const body = bytes <= MAX_KEPT_BODY_BYTES ? Buffer.concat(kept) : undefined;
    state.stored.push({ kind, bytes, sha256: hash.digest('hex'), body, contentType: request.headers['content-type'] });
    response.writeHead(200, {
      ETag: `"${createHash('md5')
        .update(body ?? '')
        .digest('hex')}"`,
    });
    response.end();
  });
}

/** Reads (and drops) the body before answering, as S3 does for most errors, so the client sees the answer. */
function drainThen(request: IncomingMessage, answer: () => void): void {
  request.resume();
  request.on('end', answer);
}
