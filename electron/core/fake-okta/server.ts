// The fake Okta org as a real HTTP server on 127.0.0.1: request -> pipeline (errors, auth, routes) -> JSON response.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireSswsToken } from './auth';
import { answerErrors } from './errors';
import type { FakeOrg } from './generateOrg';
import { composeStages, type FakeRequest, type FakeResponse, type Stage } from './pipeline';
import { rateLimitHeaders } from './rateLimitHeaders';
import { createRouter } from './router';
import { OKTA_ROUTES } from './routes/index';

export interface FakeOktaServerOptions {
  org: FakeOrg;
  /** The only SSWS token accepted. */
  apiToken: string;
  /** Default 0: a free port is chosen at start. */
  port?: number;
}

export interface FakeOktaServer {
  /** e.g. http://127.0.0.1:43121 (no trailing slash). */
  url: string;
  /** The live model: read on every request, so tests may mutate (or replace) it between requests. */
  org: FakeOrg;
  /** Total requests received, all paths and outcomes. */
  requestCount(): number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function newRequestId(): string {
  return randomBytes(20).toString('base64url').slice(0, 27);
}

/** Bodies are never large here (form posts at most); anything bigger is cut rather than buffered. */
const MAX_BODY_BYTES = 1 << 20;

function readBody(req: http.IncomingMessage): Promise<string> {
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

function toFakeRequest(req: http.IncomingMessage, body: string, fallbackOrigin: string, org: FakeOrg): FakeRequest {
  // Links are built from the Host header, as Okta builds them from the org's own domain.
  const origin = req.headers.host ? `http://${req.headers.host}` : fallbackOrigin;
  let url: URL;
  try {
    url = new URL(req.url ?? '/', origin);
  } catch {
    url = new URL('/', fallbackOrigin);
  }
  return { method: req.method ?? 'GET', url, baseUrl: url.origin, headers: req.headers, body, requestId: newRequestId(), org };
}

function send(res: http.ServerResponse, request: FakeRequest, response: FakeResponse): void {
  const payload = JSON.stringify(response.body);
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('X-Okta-Request-Id', request.requestId);
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}

export async function startFakeOktaServer(options: FakeOktaServerOptions): Promise<FakeOktaServer> {
  let served = 0;
  let closing: Promise<void> | null = null;
  // Order matters: rate-limit headers go on every answer (errors too), thrown errors become Okta bodies,
  // auth runs before routing. Later features slot in here: an enforcing rate limiter or a fault injector
  // right after answerErrors, an OAuth token endpoint before requireSswsToken, DPoP checks beside it.
  const stages: Stage[] = [rateLimitHeaders(), answerErrors, requireSswsToken(() => options.apiToken)];
  const handle = composeStages(stages, createRouter(OKTA_ROUTES));
  const server = http.createServer();
  const fakeServer: FakeOktaServer = {
    url: '',
    org: options.org,
    requestCount: () => served,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets from fetch would otherwise hold close() open
      })),
  };
  server.on('request', (req, res) => {
    served++;
    readBody(req)
      .then((body) => {
        const request = toFakeRequest(req, body, fakeServer.url, fakeServer.org);
        return handle(request).then((response) => send(res, request, response));
      })
      .catch(() => {
        res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  fakeServer.url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  return fakeServer;
}
