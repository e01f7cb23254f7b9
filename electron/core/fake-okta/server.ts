// The fake Okta org as a real HTTP server on 127.0.0.1: request -> pipeline (rate limits, errors, OAuth token
// endpoint, auth, faults, permissions, routes) -> JSON response; plus GET /__fake/stats for tests and benchmarks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import { answerErrors } from './errors';
import { systemClock, type FakeServerClock } from './fakeClock';
import { FaultPlan, injectFaults, type FaultOptions } from './faultPlan';
import type { FakeOrg } from './generateOrg';
import { readBody, send, toFakeRequest } from './httpTransport';
import { OAuthServerState, type OAuthOptions } from './oauth/oauthState';
import { tokenEndpoint } from './oauth/tokenEndpoint';
import { injectOddValues } from './oddValues';
import { enforcePermissions, type PermissionOptions } from './permissions';
import { denyObjects } from './objectPermissions';
import { fakeGroupStats, type GroupStatsFaultOptions } from './groupStatsFaults';
import { composeStages, type Stage } from './pipeline';
import { oddAnswers, type OddAnswerRule } from './oddAnswers';
import { oversizedAnswers, type OversizedAnswerRule } from './oversizedAnswers';
import { rateLimitHeaders } from './rateLimitHeaders';
import { repeatNextLink, type RepeatNextLinkOptions } from './repeatNextLink';
import { RateLimitWindows, resolveRateLimits, type RateLimitOptions } from './rateLimitWindows';
import { createRouter } from './router';
import { OKTA_ROUTES } from './routes/index';
import { StatsRecorder, type FakeOktaStats } from './serverStats';
import { stripRateLimitHeaders } from './stripRateLimitHeaders';

export interface FakeOktaServerOptions {
  org: FakeOrg;
  /** The only SSWS token accepted; without it (e.g. an OAuth-only server) SSWS is refused. */
  apiToken?: string;
  /** Default 0: a free port is chosen at start. */
  port?: number;
  /** Default: the system clock. Drives Date headers, rate-limit windows, token expiry and mutateOrg timestamps. */
  clock?: FakeServerClock;
  /**
   * Enforced bucket and concurrency limits. Absent or false: headers only, nothing refused (the original behaviour).
   */
  rateLimits?: RateLimitOptions | false;
  /** Seeded, deterministic 5xx / reset / stall / truncate faults. */
  faults?: FaultOptions;
  /** What the credential may read; a denied kind answers 403 E0000006. Default: everything. */
  permissions?: PermissionOptions;
  /** Object ids (groups, apps, users) whose sub-listings (members, roles, app users ...) answer 403 E0000006. */
  deniedObjects?: string[];
  /** Groups answered without `_embedded.stats`, or with stats that lie; default: real stats. */
  groupStats?: GroupStatsFaultOptions;
  /** A service app with scopes but no admin role: lists answer 200 [] (group list and stats stay real). */
  oauthWithoutAdminRole?: boolean;
  /** The org authorization server with one service app (private_key_jwt, optional DPoP). */
  oauth?: OAuthOptions;
  /** Extra time every admitted request takes before it is handled (keeps requests in flight); default 0. */
  latencyMs?: number;
  /** A proxy that drops every X-Rate-Limit-* header (limits still enforced; a 429 carries Retry-After). */
  stripRateLimitHeaders?: boolean;
  /** Paths answered with a captive portal's HTML, an object where a list belongs, or a list of non-objects. */
  oddAnswers?: OddAnswerRule[];
  /** Paths answered with a JSON list padded to a size (for the client's body cap). */
  oversizedAnswers?: OversizedAnswerRule[];
  /** One listing whose `next` link loops (or never ends), as a buggy org or proxy sends; default: none. */
  repeatNextLink?: RepeatNextLinkOptions;
  /** Odd but real-world values on the first page of each listing (oddValues.ts); default off. */
  oddValues?: boolean;
}

export interface FakeOktaServer {
  /** e.g. http://127.0.0.1:43121 (no trailing slash). */
  url: string;
  /** The live model: read on every request, so tests may mutate (or replace) it between requests. */
  org: FakeOrg;
  /** The server's clock (pass the server itself to the mutateOrg helpers). */
  clock: FakeServerClock;
  /** Total requests received, all paths and outcomes (the /__fake/* endpoints excepted). */
  requestCount(): number;
  /** A snapshot of the counters; also served as JSON by GET /__fake/stats. */
  stats(): FakeOktaStats;
  /** Zeroes the counters (also POST /__fake/stats/reset); rate-limit windows keep their state. */
  resetStats(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
const delay =
  (ms: number): Stage =>
  async (_request, next) => {
    await sleep(ms);
    return next();
  };

function pipelineStages(
  options: FakeOktaServerOptions,
  clock: FakeServerClock,
  stats: StatsRecorder,
  inFlight: () => number,
): Stage[] {
  const settings = resolveRateLimits(options.rateLimits);
  const oauth = options.oauth ? new OAuthServerState(options.oauth) : null;
  const latencyMs = options.latencyMs ?? 0;
  // Order matters: rate-limit headers go on every answer (errors too) and a refused request goes no further;
  // thrown errors become Okta bodies; the token endpoint needs no API credential; faults come after auth
  // (a request that would 401 never faults) and before permissions and routing.
  return [
    ...(options.stripRateLimitHeaders ? [stripRateLimitHeaders(clock)] : []),
    rateLimitHeaders({ settings, windows: new RateLimitWindows(settings), stats, clock, inFlight }),
    answerErrors,
    ...(latencyMs > 0 ? [delay(latencyMs)] : []),
    tokenEndpoint({ state: oauth, stats, clock }),
    authenticate({ apiToken: () => options.apiToken, oauth, clock }),
    ...(options.faults ? [injectFaults(new FaultPlan(options.faults), stats)] : []),
    enforcePermissions({ permissions: options.permissions, oauthWithoutAdminRole: options.oauthWithoutAdminRole }),
    ...(options.oddAnswers ? [oddAnswers(options.oddAnswers)] : []),
    ...(options.oversizedAnswers ? [oversizedAnswers(options.oversizedAnswers)] : []),
    ...(options.repeatNextLink ? [repeatNextLink(options.repeatNextLink)] : []),
    ...(options.oddValues ? [injectOddValues()] : []),
    ...(options.deniedObjects ? [denyObjects(options.deniedObjects)] : []),
    ...(options.groupStats ? [fakeGroupStats(options.groupStats)] : []),
  ];
}

/** GET /__fake/stats and POST /__fake/stats/reset: outside the pipeline, unauthenticated (loopback only). */
function answerFakeEndpoint(req: http.IncomingMessage, res: http.ServerResponse, server: FakeOktaServer): void {
  const path = (req.url ?? '').split('?')[0];
  let status = 200;
  let body: unknown;
  if (path === '/__fake/stats' && req.method === 'GET') body = server.stats();
  else if (path === '/__fake/stats/reset' && req.method === 'POST') {
    server.resetStats();
    body = { reset: true };
  } else {
    status = 404;
    body = { error: 'unknown /__fake endpoint' };
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

/** Requests answered so far, and those in flight now. */
interface Traffic {
  served: number;
  inFlight: number;
}

export async function startFakeOktaServer(options: FakeOktaServerOptions): Promise<FakeOktaServer> {
  const traffic: Traffic = { served: 0, inFlight: 0 };
  let closing: Promise<void> | null = null;
  const clock = options.clock ?? systemClock;
  const stats = new StatsRecorder();
  const handle = composeStages(
    pipelineStages(options, clock, stats, () => traffic.inFlight),
    createRouter(OKTA_ROUTES),
  );
  const server = http.createServer();
  const fakeServer: FakeOktaServer = {
    url: '',
    org: options.org,
    clock,
    requestCount: () => traffic.served,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets from fetch would otherwise hold close() open
      })),
  };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/__fake/')) return answerFakeEndpoint(req, res, fakeServer);
    answerThroughPipeline(req, res, { fakeServer, handle, traffic, stats, clock });
  });
  await listen(server, options.port ?? 0);
  fakeServer.url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  return fakeServer;
}

/** Counts the request, runs it through the pipeline and sends the answer (a bare 500 if anything throws). */
function answerThroughPipeline(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  context: {
    fakeServer: FakeOktaServer;
    handle: ReturnType<typeof composeStages>;
    traffic: Traffic;
    stats: StatsRecorder;
    clock: FakeServerClock;
  },
): void {
  const { fakeServer, handle, traffic, stats, clock } = context;
  traffic.served++;
  stats.arrival(clock.now());
  traffic.inFlight++;
  stats.inFlight(traffic.inFlight);
  res.once('close', () => traffic.inFlight--);
  readBody(req)
    .then((body) => {
      const request = toFakeRequest(req, body, fakeServer.url, fakeServer.org);
      return handle(request).then((response) => {
        const status = send(res, request.requestId, response, clock);
        if (status !== null) stats.status(status);
      });
    })
    .catch(() => {
      if (res.destroyed || res.writableEnded) return;
      res.statusCode = 500;
      res.end();
    });
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
