// Authorises Okta API calls as an OAuth 2.0 service app: client credentials + private_key_jwt, DPoP when Okta binds the
// token.
import type { OktaAuth } from '../auth';
import { sleep } from '../sleep';
import { createClientAssertion } from './clientAssertion';
import { DpopKey } from './dpopProof';
import type { ClientSigningKey } from './loadPrivateKey';
import { SharedWork } from './sharedWork';
import {
  badTokenResponse,
  parseOAuthErrorBody,
  tokenEndpointError,
  tokenNetworkError,
  type TokenEndpointContext,
} from './tokenEndpointErrors';

/** What okta-prep reads (okta-api.md §4.2). */
export const OKTA_PREP_SCOPES: readonly string[] = [
  'okta.users.read',
  'okta.groups.read',
  'okta.apps.read',
  'okta.roles.read',
];
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface OAuthServiceAppAuthOptions {
  /** The org URL, e.g. https://acme.okta.com (no trailing slash needed). */
  orgUrl: string;
  clientId: string;
  key: ClientSigningKey;
  scopes?: readonly string[];
  fetchImpl?: typeof fetch;
  /** Milliseconds since the epoch; injectable for tests. Also dates the assertion and the proofs. */
  now?: () => number;
  /** Renew the token when less than this is left (default 5 minutes, at most half its life). */
  refreshMarginMs?: number;
  requestTimeoutMs?: number;
  /** Network failures, 5xx and 429 from the token endpoint retried before giving up (default 3). */
  maxRetries?: number;
  /** Backoff before retry n (1-based); default 500 ms doubling. */
  retryDelayMs?: (attempt: number) => number;
  signal?: AbortSignal;
}

interface AccessToken {
  value: string;
  type: 'DPoP' | 'Bearer';
  expiresAtMs: number;
  refreshAtMs: number;
}

/** The token endpoint could not be reached; carries only a code such as ECONNREFUSED. */
class NetworkFailure extends Error {}

/** After a failed renewal while the old token still works, wait this long before trying again. */
const RENEWAL_RETRY_MS = 30_000;

export class OAuthServiceAppAuth implements OktaAuth {
  readonly description: string;
  readonly clientId: string;
  readonly tokenUrl: string;
  readonly #key: ClientSigningKey;
  readonly #options: OAuthServiceAppAuthOptions;
  readonly #context: TokenEndpointContext;
  #token: AccessToken | undefined;
  #inflight: SharedWork<AccessToken> | undefined;
  #dpopKey: Promise<DpopKey> | undefined;
  #dpopNonce: string | undefined;
  #tokenRequests = 0;

  constructor(options: OAuthServiceAppAuthOptions) {
    const clientId = options.clientId.trim();
    if (clientId === '' || /\s/.test(clientId))
      throw new Error(
        "the OAuth client id is empty or contains white space: give the service app's client id, e.g. 0oa1b2c3d4",
      );
    this.#options = options;
    this.#key = options.key;
    this.clientId = clientId;
    this.tokenUrl = `${new URL(options.orgUrl).origin}/oauth2/v1/token`;
    this.description = `OAuth service app ${clientId}`;
    this.#context = {
      tokenUrl: this.tokenUrl,
      clientId,
      kid: options.key.kid,
      scopes: options.scopes ?? OKTA_PREP_SCOPES,
    };
  }

  /** Token requests sent to Okta so far (each nonce retry counts). */
  get tokenRequests(): number {
    return this.#tokenRequests;
  }

  async headersFor(method: string, url: string, signal?: AbortSignal): Promise<Record<string, string>> {
    const token = await this.#validToken(signal);
    if (token.type === 'Bearer') return { Authorization: `Bearer ${token.value}` };
    const dpop = await this.#dpop();
    const proof = await dpop.proof({ method, url, accessToken: token.value, nowSeconds: this.#nowSeconds() });
    return { Authorization: `DPoP ${token.value}`, DPoP: proof };
  }

  /** Forgets the current token (e.g. after a 401), so the next headersFor gets a new one. */
  invalidate(): void {
    this.#token = undefined;
  }

  toJSON(): object {
    return {
      description: this.description,
      clientId: this.clientId,
      tokenUrl: this.tokenUrl,
      key: this.#key,
      tokenType: this.#token?.type,
    };
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #nowSeconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  /** One DPoP key per auth object (session), made on first use. */
  #dpop(): Promise<DpopKey> {
    this.#dpopKey ??= DpopKey.generate();
    return this.#dpopKey;
  }

  /**
   * The cached token while it is fresh; otherwise one shared request for a new one, which `signal` stops waiting for.
   */
  #validToken(signal: AbortSignal | undefined): Promise<AccessToken> {
    const current = this.#token;
    const now = this.#now();
    if (current && now < current.refreshAtMs) return Promise.resolve(current);
    if (!this.#inflight || this.#inflight.abandoned) this.#inflight = this.#shareTokenRequest(current);
    return this.#inflight.wait(signal);
  }

  #shareTokenRequest(current: AccessToken | undefined): SharedWork<AccessToken> {
    const shared: SharedWork<AccessToken> = new SharedWork((stop) =>
      this.#requestToken(stop)
        .then((token) => (this.#token = token))
        .catch((error: unknown) => {
          // A failed early renewal is not fatal while the old token still has time left.
          if (current && current === this.#token && this.#now() < current.expiresAtMs - RENEWAL_RETRY_MS) {
            current.refreshAtMs = this.#now() + RENEWAL_RETRY_MS;
            return current;
          }
          throw error;
        })
        .finally(() => {
          if (this.#inflight === shared) this.#inflight = undefined;
        }),
    );
    return shared;
  }

  /** `stop`: every caller gave up. The auth's own signal (the whole session) stops it too. */
  async #requestToken(stop: AbortSignal): Promise<AccessToken> {
    const signal = this.#options.signal ? AbortSignal.any([this.#options.signal, stop]) : stop;
    const dpop = await this.#dpop();
    const maxRetries = this.#options.maxRetries ?? 3;
    let failures = 0;
    let nonceRetried = false;
    for (;;) {
      const sentAt = this.#now();
      let answer: { status: number; headers: Headers; bodyText: string };
      try {
        answer = await this.#post(dpop, signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (!(error instanceof NetworkFailure)) throw error;
        if (failures >= maxRetries) throw tokenNetworkError(this.#context, error.message);
        await this.#backoff(++failures, signal);
        continue;
      }
      const nonce = answer.headers.get('dpop-nonce');
      if (nonce) this.#dpopNonce = nonce;
      if (answer.status === 200) return this.#parseToken(answer.bodyText, sentAt);
      const { error } = parseOAuthErrorBody(answer.bodyText);
      // DPoP handshake: Okta answers the first proof with use_dpop_nonce and a DPoP-Nonce header; resend once with it.
      if (error === 'use_dpop_nonce' && nonce && !nonceRetried) {
        nonceRetried = true;
        continue;
      }
      if ((answer.status >= 500 || answer.status === 429) && failures < maxRetries) {
        await this.#backoff(++failures, signal);
        continue;
      }
      throw tokenEndpointError(this.#context, answer.status, answer.bodyText);
    }
  }

  /** A fresh client assertion (new jti) in the form body, and a fresh DPoP proof. */
  async #signedRequest(dpop: DpopKey): Promise<{ body: string; proof: string }> {
    const nowSeconds = this.#nowSeconds();
    const assertion = await createClientAssertion({
      key: this.#key,
      clientId: this.clientId,
      tokenUrl: this.tokenUrl,
      nowSeconds,
    });
    const proof = await dpop.proof({ method: 'POST', url: this.tokenUrl, nowSeconds, nonce: this.#dpopNonce });
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: this.#context.scopes.join(' '),
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
    });
    return { body: body.toString(), proof };
  }

  /** One POST to the token endpoint, with a fresh assertion (new jti) and a fresh DPoP proof. */
  async #post(dpop: DpopKey, cancel: AbortSignal): Promise<{ status: number; headers: Headers; bodyText: string }> {
    const { body, proof } = await this.#signedRequest(dpop);
    const timeout = AbortSignal.timeout(this.#options.requestTimeoutMs ?? 30_000);
    const signal = AbortSignal.any([cancel, timeout]);
    const fetchImpl = this.#options.fetchImpl ?? fetch;
    this.#tokenRequests++;
    try {
      const response = await fetchImpl(this.tokenUrl, {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': 'okta-prep',
          DPoP: proof,
        },
        body,
        signal,
        redirect: 'error',
      });
      return { status: response.status, headers: response.headers, bodyText: await response.text() };
    } catch (error) {
      // Only the cause's code or message: never the request, which holds the assertion and the proof.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new NetworkFailure(
        timeout.aborted ? 'the request timed out' : (cause?.code ?? cause?.message ?? (error as Error).name),
      );
    }
  }

  #parseToken(bodyText: string, sentAt: number): AccessToken {
    let body: { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(bodyText) as typeof body;
    } catch {
      throw badTokenResponse(this.#context, 'something that is not JSON');
    }
    if (typeof body?.access_token !== 'string' || body.access_token === '' || /\s/.test(body.access_token)) {
      throw badTokenResponse(this.#context, 'no usable access_token');
    }
    const tokenType = typeof body.token_type === 'string' ? body.token_type.toLowerCase() : '';
    if (tokenType !== 'dpop' && tokenType !== 'bearer') {
      throw badTokenResponse(
        this.#context,
        `token_type "${String(body.token_type).slice(0, 20)}" (expected DPoP or Bearer)`,
      );
    }
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    const margin = Math.min(this.#options.refreshMarginMs ?? 5 * 60_000, lifetimeMs / 2);
    return {
      value: body.access_token,
      type: tokenType === 'dpop' ? 'DPoP' : 'Bearer',
      expiresAtMs: sentAt + lifetimeMs,
      refreshAtMs: sentAt + lifetimeMs - margin,
    };
  }

  async #backoff(attempt: number, signal: AbortSignal): Promise<void> {
    const delay = this.#options.retryDelayMs?.(attempt) ?? Math.min(8_000, 500 * 2 ** (attempt - 1));
    await sleep(delay, signal);
  }
}
