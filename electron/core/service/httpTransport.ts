// The browser build's transport: the service dispatcher over HTTP (POST /api/call), SSE (GET /api/events), file
// uploads for validation (POST /api/upload, streamed to disk; the call then names the upload id) and CSV downloads
// (POST /api/csv with a call's method and params, answered with the CSV file as it is made) on 127.0.0.1.
//
// Secret convention: the returned `url` is `http://127.0.0.1:<port>/#secret=<secret>`. The fragment never reaches the
// server, logs or Referer headers; the page reads it from `location.hash` (see parseSecretFromHash in
// renderer/src/service/httpClientTransport.ts) and should then remove it with history.replaceState. API calls send
// `Authorization: Bearer <secret>`; EventSource, which cannot set headers, sends `/api/events?secret=<secret>`.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from './dispatcher';
import type { ServiceEventSource } from './eventHub';
import { DEFAULT_KEEP_ALIVE_MS, openEventStream } from './httpEventStream';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './httpJsonBody';
import { allowedHosts, allowedOrigins, hasAllowedHost, hasAllowedOrigin, isAuthorised } from './httpRequestGuards';
import { sendJson, sendText } from './httpResponses';
import { serveStaticFile } from './httpStaticFiles';
import type { UploadStore } from './uploadStore';
import type { CsvDownloads } from './csvDownloads';
import { streamCsv } from './httpCsvStream';
import type { UploadReceipt } from '../../../shared/service/types';

export const LOOPBACK_HOST = '127.0.0.1';

export interface HttpTransportOptions {
  dispatch: Dispatch;
  events: ServiceEventSource;
  /** The Vite browser build (index.html and assets). Without it only /api is served. */
  staticDir?: string;
  /** Defaults to 0: a random free port. */
  port?: number;
  /** Defaults to 32 random bytes, base64url. */
  secret?: string;
  /** Largest accepted /api/call body; defaults to DEFAULT_MAX_BODY_BYTES (1 MiB). */
  maxBodyBytes?: number;
  /** Where POST /api/upload streams files (the service validates them by upload id). Without it uploads get 404. */
  uploads?: UploadStore;
  /** The CSV files POST /api/csv sends (findings, a comparison). Without it that route answers 404. */
  csvDownloads?: CsvDownloads;
  /** Interval of SSE keep-alive comments; defaults to 15 s. */
  keepAliveMs?: number;
  /** Unexpected server-side failures go here. Defaults to console.error. */
  logger?: (line: string) => void;
}

export interface HttpTransport {
  /** Open this in the browser: `http://127.0.0.1:<port>/#secret=<secret>`. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  secret: string;
  port: number;
  close(): Promise<void>;
}

interface RouteContext {
  options: HttpTransportOptions;
  secret: string;
  origins: ReadonlySet<string>;
  openStreams: Set<() => void>;
}

function hasCallShape(body: unknown): body is { method: unknown; params?: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'method' in body;
}

async function handleCall(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'use POST');
  const body = await readJsonBody(req, context.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (!body.ok) return sendText(res, body.status, body.message, { close: body.status === 413 });
  if (!hasCallShape(body.value)) return sendText(res, 400, 'body must be a JSON object { "method": …, "params": … }');
  const result = await context.options.dispatch(body.value.method, body.value.params);
  sendJson(res, 200, result);
}

/** POST /api/csv: `{ method, params }` as for /api/call; answers the CSV file, or a refusal in plain text. */
async function handleCsv(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'use POST');
  const body = await readJsonBody(req, context.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (!body.ok) return sendText(res, body.status, body.message, { close: body.status === 413 });
  if (!hasCallShape(body.value)) return sendText(res, 400, 'body must be a JSON object { "method": …, "params": … }');
  const download = context.options.csvDownloads!(body.value.method, body.value.params);
  if (!download.ok) return sendText(res, download.error.code === 'NOT_FOUND' ? 404 : 400, download.error.message);
  await streamCsv(res, download.value);
}

function declaredLength(req: IncomingMessage): number | undefined {
  const length = Number(req.headers['content-length']);
  return req.headers['content-length'] !== undefined && Number.isSafeInteger(length) && length >= 0
    ? length
    : undefined;
}

/** POST /api/upload: the raw file as the body (any content type); answers `{ uploadId, bytes }` or 413 with why. */
async function handleUpload(req: IncomingMessage, res: ServerResponse, uploads: UploadStore): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'use POST');
  const outcome = await uploads.receive(req, declaredLength(req));
  if (!outcome.ok) return sendText(res, outcome.status, outcome.message, { close: true });
  sendJson(res, 200, { uploadId: outcome.uploadId, bytes: outcome.bytes } satisfies UploadReceipt);
}

function handleEvents(req: IncomingMessage, res: ServerResponse, context: RouteContext): void {
  if (req.method !== 'GET') return sendText(res, 405, 'use GET');
  const end = openEventStream(req, res, context.options.events, context.options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS);
  context.openStreams.add(end);
  res.once('close', () => context.openStreams.delete(end));
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, context: RouteContext): Promise<void> {
  if (!hasAllowedOrigin(req, context.origins)) return sendText(res, 403, 'cross-origin requests are not allowed');
  const isEvents = url.pathname === '/api/events';
  if (!isAuthorised(req, url, context.secret, isEvents)) return sendText(res, 401, 'missing or wrong secret');
  if (url.pathname === '/api/call') return handleCall(req, res, context);
  if (url.pathname === '/api/upload' && context.options.uploads) return handleUpload(req, res, context.options.uploads);
  if (url.pathname === '/api/csv' && context.options.csvDownloads) return handleCsv(req, res, context);
  if (isEvents) return handleEvents(req, res, context);
  sendText(res, 404, 'not found');
}

function createRequestHandler(context: RouteContext, hosts: ReadonlySet<string>) {
  const log = context.options.logger ?? ((line: string) => console.error(line));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (!hasAllowedHost(req, hosts)) return sendText(res, 403, 'unexpected Host header');
      const rawUrl = req.url ?? '/';
      if (!rawUrl.startsWith('/')) return sendText(res, 400, 'bad request target');
      const url = new URL(`http://${LOOPBACK_HOST}${rawUrl}`);
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return await handleApi(req, res, url, context);
      await serveStaticFile(req, res, context.options.staticDir, url.pathname);
    } catch (error) {
      log(
        `http transport: ${req.method ?? '?'} request failed: ` +
          `${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendText(res, 500, 'internal server error');
    }
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server, openStreams: Set<() => void>): Promise<void> {
  for (const end of [...openStreams]) end();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  if (secret.length < 16) throw new Error('the HTTP transport secret must be at least 16 characters');
  const openStreams = new Set<() => void>();
  const server = createServer();
  const port = await listen(server, options.port ?? 0);
  const context: RouteContext = { options, secret, origins: allowedOrigins(port), openStreams };
  const handleRequest = createRequestHandler(context, allowedHosts(port));
  // The handler answers its own failures (a 500 and a log line), so nothing is left to await here.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void handleRequest(req, res));
  server.on('clientError', (_error, socket) => socket.destroy());
  const origin = `http://${LOOPBACK_HOST}:${port}`;
  return {
    url: `${origin}/#secret=${encodeURIComponent(secret)}`,
    origin,
    secret,
    port,
    close: () => closeServer(server, openStreams),
  };
}
