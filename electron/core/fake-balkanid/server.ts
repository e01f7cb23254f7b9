// A fake BalkanID bulk API as a real HTTP server on 127.0.0.1, for the tests and for trying an upload by hand:
// POST …/upload-url hands out pre-signed-style URLs on the same server, PUT to them stores the body with its SHA-256.
// Misbehaviours (misbehaviour.ts) make it answer as BalkanID, its storage or a proxy sometimes do.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './answers';
import type { FakeState, LoggedRequest, StoredUpload } from './fakeState';
import { MisbehaviourSwitch, type Misbehaviour } from './misbehaviour';
import { SignedUrls } from './signedUrls';
import { answerStorage } from './storageRoute';
import { answerUploadUrl, uploadUrlKind } from './uploadUrlRoute';

export interface FakeBalkanIdOptions {
  apiKeyId: string;
  apiKeySecret: string;
  /** Default 0: a free port. */
  port?: number;
  misbehave?: readonly Misbehaviour[];
  /** How long an issued upload URL stays valid; default 15 minutes. */
  urlLifetimeMs?: number;
}

export interface FakeBalkanIdServer {
  /** The base URL to give the uploader, e.g. http://127.0.0.1:43121. */
  url: string;
  /** Every request so far, in order. */
  requests(): LoggedRequest[];
  /** Every file stored so far, in order. */
  stored(): StoredUpload[];
  /** Replaces the active misbehaviours (a "-once" one strikes once from now). */
  misbehave(list: readonly Misbehaviour[]): void;
  close(): Promise<void>;
}

export async function startFakeBalkanIdServer(options: FakeBalkanIdOptions): Promise<FakeBalkanIdServer> {
  const state: FakeState = {
    apiKeyId: options.apiKeyId,
    apiKeySecret: options.apiKeySecret,
    misbehaviour: new MisbehaviourSwitch(options.misbehave),
    signedUrls: new SignedUrls(options.urlLifetimeMs ?? 15 * 60_000),
    log: [],
    stored: [],
    hanging: new Set(),
  };
  let origin = '';
  const server = http.createServer((request, response) => route(state, request, response, origin));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests: () => state.log.map((entry) => ({ ...entry })),
    stored: () => [...state.stored],
    misbehave: (list) => state.misbehaviour.set(list),
    close: async () => {
      for (const response of state.hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function route(state: FakeState, request: http.IncomingMessage, response: http.ServerResponse, origin: string): void {
  const url = new URL(request.url ?? '/', origin);
  const entry: LoggedRequest = {
    method: request.method ?? '',
    path: url.pathname,
    status: 0,
    hadApiKeyHeaders:
      request.headers['x-api-key-id'] !== undefined || request.headers['x-api-key-secret'] !== undefined,
  };
  state.log.push(entry);
  response.on('finish', () => (entry.status = response.statusCode));
  const kind = uploadUrlKind(url.pathname);
  if (request.method === 'POST' && kind) {
    request.resume(); // the request's body (if any) is not used
    return answerUploadUrl(state, request, response, kind, origin);
  }
  if (request.method === 'PUT' && url.pathname.startsWith('/__storage/'))
    return answerStorage(state, request, response, url);
  request.resume();
  sendJson(response, 404, { error: 'not found' });
}
