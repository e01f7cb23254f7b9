// POST /api/rest/v0/{entities|entity-relations|entitlements}/upload-url: checks the API key headers and answers
// {"url": …}, a pre-signed-style URL on this server — unless a misbehaviour says otherwise.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BundleCsvKind } from '../../../shared/balkanid/bundleCheck';
import { sendHtml, sendJson } from './answers';
import type { FakeState } from './fakeState';

const ENDPOINT_KINDS: Record<string, BundleCsvKind> = {
  entities: 'entities',
  'entity-relations': 'relations',
  entitlements: 'entitlements',
};

export function uploadUrlKind(pathname: string): BundleCsvKind | undefined {
  const endpoint = /^\/api\/rest\/v0\/([a-z-]+)\/upload-url$/.exec(pathname)?.[1];
  return endpoint === undefined ? undefined : ENDPOINT_KINDS[endpoint];
}

function sameText(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function answerUploadUrl(
  state: FakeState,
  request: IncomingMessage,
  response: ServerResponse,
  kind: BundleCsvKind,
  origin: string,
): void {
  const { misbehaviour } = state;
  if (misbehaviour.strikes('hang-url')) {
    state.hanging.add(response);
    return;
  }
  const keyOk =
    sameText(request.headers['x-api-key-id'], state.apiKeyId) &&
    sameText(request.headers['x-api-key-secret'], state.apiKeySecret);
  if (!keyOk || misbehaviour.strikes('unauthorized')) return sendJson(response, 401, { error: 'unauthorized' });
  if (misbehaviour.strikes('forbidden')) return sendJson(response, 403, { error: 'forbidden' });
  if (misbehaviour.strikes('server-error-once')) return sendJson(response, 500, { error: 'internal server error' });
  if (misbehaviour.strikes('rate-limited-once')) {
    response.setHeader('Retry-After', '1');
    return sendJson(response, 429, { error: 'too many requests' });
  }
  if (misbehaviour.strikes('html-page')) return sendHtml(response, 200, 'Sign in to the guest network');
  sendJson(response, 200, { url: state.signedUrls.issue(origin, kind) });
}
