// The HTTP side of the fake server: reads a request into a FakeRequest and writes a FakeResponse back as JSON with
// Okta's standard headers, or acts out a transport fault (drop the socket; cut the body short of its Content-Length).
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { httpDate, type FakeServerClock } from './fakeClock';
import type { FakeOrg } from './generateOrg';
import type { FakeRequest, FakeResponse } from './pipeline';

function newRequestId(): string {
  return randomBytes(20).toString('base64url').slice(0, 27);
}

/** Bodies are never large here (form posts at most); anything bigger is cut rather than buffered. */
const MAX_BODY_BYTES = 1 << 20;

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

export function toFakeRequest(
  req: http.IncomingMessage,
  body: string,
  fallbackOrigin: string,
  org: FakeOrg,
): FakeRequest {
  // Links are built from the Host header, as Okta builds them from the org's own domain.
  const origin = req.headers.host ? `http://${req.headers.host}` : fallbackOrigin;
  let url: URL;
  try {
    url = new URL(req.url ?? '/', origin);
  } catch {
    url = new URL('/', fallbackOrigin);
  }
  return {
    method: req.method ?? 'GET',
    url,
    baseUrl: url.origin,
    headers: req.headers,
    body,
    requestId: newRequestId(),
    org,
  };
}

/** Writes the answer. Returns the status sent, or null when the socket was dropped without one. */
export function send(
  res: http.ServerResponse,
  requestId: string,
  response: FakeResponse,
  clock: FakeServerClock,
): number | null {
  if (res.destroyed || res.writableEnded) return null;
  if (response.transportFault === 'reset') {
    res.destroy();
    return null;
  }
  const payload = Buffer.from(response.rawBody?.text ?? JSON.stringify(response.body), 'utf8');
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', response.rawBody?.contentType ?? 'application/json');
  res.setHeader('X-Okta-Request-Id', requestId);
  // Whole seconds, truncated: see httpDate for why that pairs safely with a rounded-up X-Rate-Limit-Reset.
  res.setHeader('Date', httpDate(clock.now()));
  res.setHeader('Content-Length', payload.length);
  if (response.transportFault === 'truncate') {
    // Promise the whole body, send part of it, then drop the connection: the client sees a cut-off JSON body.
    res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
    return response.status;
  }
  res.end(payload);
  return response.status;
}
