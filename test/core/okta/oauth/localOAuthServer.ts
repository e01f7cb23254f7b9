// A small Okta-like OAuth server on 127.0.0.1 for tests: /oauth2/v1/token checks the client assertion and DPoP proofs
// with jose,
// /api/* checks the access token (+ DPoP proof with ath, bound key) and answers a one-user list.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, createLocalJWKSet, EmbeddedJWK, jwtVerify, type JWK } from 'jose';

export interface LocalOAuthServerOptions {
  clientId: string;
  /** Public keys registered on the app. */
  publicJwks: JWK[];
  requireDpop: boolean;
  /** When set (with requireDpop), token requests must carry this DPoP nonce. */
  nonce?: string;
  grantedScopes?: string[];
  expiresIn?: number;
  /** Milliseconds since the epoch, shared with the client under test. */
  now?: () => number;
}

export interface TokenRequestRecord {
  assertion: string;
  proof?: string;
  nonce?: string;
  outcome: string;
}

export interface LocalOAuthServer {
  url: string;
  tokenUrl: string;
  tokenRequests: TokenRequestRecord[];
  /** Resource requests with the outcome of the token/proof check ("ok" or why not). */
  apiRequests: { method: string; url: string; outcome: string; proof?: string }[];
  issuedTokens: string[];
  /** Canned answers for the next token requests (e.g. a 503), used before any checking. */
  queueTokenAnswer(status: number, body: object, headers?: Record<string, string>): void;
  revokeAll(): void;
  close(): Promise<void>;
}

const ALL_SCOPES = ['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.roles.read'];

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startLocalOAuthServer(options: LocalOAuthServerOptions): Promise<LocalOAuthServer> {
  const now = options.now ?? Date.now;
  const jwks = createLocalJWKSet({ keys: options.publicJwks });
  const clientKeyThumbprints = new Set(await Promise.all(options.publicJwks.map((jwk) => calculateJwkThumbprint(jwk))));
  const tokens = new Map<string, { jkt?: string; expiresAt: number }>();
  const seenJtis = new Set<string>();
  const queued: { status: number; body: object; headers: Record<string, string> }[] = [];
  const tokenRequests: TokenRequestRecord[] = [];
  const apiRequests: LocalOAuthServer['apiRequests'] = [];
  const issuedTokens: string[] = [];
  let origin = '';

  /** Verifies a DPoP proof; returns its key's thumbprint and claims, or throws with the reason. */
  async function checkProof(proof: string, method: string, url: string) {
    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: ['ES256'],
      currentDate: new Date(now()),
    });
    if (protectedHeader.jwk && 'd' in protectedHeader.jwk) throw new Error('proof jwk holds a private key');
    if (payload.htm !== method) throw new Error(`htm ${String(payload.htm)}`);
    if (payload.htu !== url) throw new Error(`htu ${String(payload.htu)} is not ${url}`);
    if (typeof payload.iat !== 'number' || Math.abs(payload.iat - now() / 1000) > 60) throw new Error('iat not fresh');
    if (typeof payload.jti !== 'string' || seenJtis.has(`p:${payload.jti}`)) throw new Error('jti missing or replayed');
    seenJtis.add(`p:${payload.jti}`);
    const jkt = await calculateJwkThumbprint(protectedHeader.jwk!);
    if (clientKeyThumbprints.has(jkt)) throw new Error('the DPoP key is the client-assertion key');
    return { jkt, payload };
  }

  async function token(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const record: TokenRequestRecord = { assertion: form.get('client_assertion') ?? '', outcome: 'pending' };
    tokenRequests.push(record);
    const fail = (status: number, error: string, description: string, headers: Record<string, string> = {}) => {
      record.outcome = error;
      sendJson(res, status, { error, error_description: description }, headers);
    };
    const canned = queued.shift();
    if (canned)
      return void (
        (record.outcome = `canned ${canned.status}`),
        sendJson(res, canned.status, canned.body, canned.headers)
      );
    if (form.get('grant_type') !== 'client_credentials') return fail(400, 'unsupported_grant_type', 'grant_type');
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return fail(400, 'invalid_request', 'assertion type');
    const proof = req.headers.dpop as string | undefined;
    record.proof = proof;
    let jkt: string | undefined;
    if (options.requireDpop) {
      if (!proof) return fail(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.');
      try {
        const checked = await checkProof(proof, 'POST', `${origin}/oauth2/v1/token`);
        record.nonce = checked.payload.nonce as string | undefined;
        if (options.nonce && checked.payload.nonce !== options.nonce) {
          return fail(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', {
            'DPoP-Nonce': options.nonce,
          });
        }
        jkt = checked.jkt;
      } catch (error) {
        return fail(400, 'invalid_dpop_proof', `The DPoP proof is invalid: ${(error as Error).message}`);
      }
    }
    try {
      const { payload } = await jwtVerify(record.assertion, jwks, {
        issuer: options.clientId,
        subject: options.clientId,
        audience: `${origin}/oauth2/v1/token`,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'iat', 'jti'],
      });
      if (payload.exp! - payload.iat! > 3600) throw new Error('exp too far ahead');
      if (seenJtis.has(`a:${payload.jti}`)) throw new Error('assertion replayed');
      seenJtis.add(`a:${payload.jti}`);
    } catch {
      return fail(401, 'invalid_client', 'The client_assertion signature is invalid.');
    }
    const requested = (form.get('scope') ?? '').split(' ');
    const granted = options.grantedScopes ?? ALL_SCOPES;
    if (requested.some((scope) => !granted.includes(scope)))
      return fail(400, 'invalid_scope', 'One or more scopes are not configured for the authorization server resource.');
    const accessToken = randomBytes(32).toString('base64url');
    const expiresIn = options.expiresIn ?? 3600;
    tokens.set(accessToken, { jkt, expiresAt: now() + expiresIn * 1000 });
    issuedTokens.push(accessToken);
    record.outcome = 'issued';
    sendJson(res, 200, {
      token_type: jkt ? 'DPoP' : 'Bearer',
      expires_in: expiresIn,
      access_token: accessToken,
      scope: requested.join(' '),
    });
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const entry: LocalOAuthServer['apiRequests'][number] = {
      method: req.method ?? 'GET',
      url: url.toString(),
      outcome: 'pending',
    };
    apiRequests.push(entry);
    const reject = (why: string) => {
      entry.outcome = why;
      sendJson(
        res,
        401,
        { errorCode: 'E0000011', errorSummary: 'Invalid token provided' },
        { 'WWW-Authenticate': `DPoP error="invalid_token"` },
      );
    };
    const [scheme, value] = (req.headers.authorization ?? '').split(' ');
    const known = value ? tokens.get(value) : undefined;
    if (!known || known.expiresAt <= now()) return reject('unknown or expired token');
    if (known.jkt) {
      if (scheme !== 'DPoP') return reject(`scheme ${scheme} for a DPoP token`);
      const proof = req.headers.dpop as string | undefined;
      entry.proof = proof;
      if (!proof) return reject('no DPoP proof');
      try {
        const { jkt, payload } = await checkProof(proof, entry.method, `${url.origin}${url.pathname}`);
        if (jkt !== known.jkt) throw new Error('proof key is not the token key');
        if (payload.ath !== createHash('sha256').update(value!).digest('base64url'))
          throw new Error('ath does not match');
      } catch (error) {
        return reject((error as Error).message);
      }
    } else if (scheme !== 'Bearer') {
      return reject(`scheme ${scheme} for a Bearer token`);
    }
    entry.outcome = 'ok';
    sendJson(res, 200, [{ id: 'u1' }]);
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handler =
      req.method === 'POST' && path === '/oauth2/v1/token' ? token : path?.startsWith('/api/') ? api : undefined;
    if (!handler) return sendJson(res, 404, { errorCode: 'E0000007', errorSummary: 'Not found' });
    handler(req, res).catch((error: unknown) =>
      sendJson(res, 500, { error: 'server_error', error_description: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    tokenUrl: `${origin}/oauth2/v1/token`,
    tokenRequests,
    apiRequests,
    issuedTokens,
    queueTokenAnswer: (status, body, headers = {}) => void queued.push({ status, body, headers }),
    revokeAll: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
