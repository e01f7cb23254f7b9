// Reads pages from the Okta Management API: authorises, follows next links only on the org's own origin,
// stays inside the rate-limit governor, waits out 429s and retries transient faults with jittered backoff.
import type { OktaAuth } from './auth';
import { findNextLink } from './linkHeader';
import { guessedLimitsWarning } from './guessedRateLimits';
import { OktaError, oktaErrorForResponse } from './oktaErrors';
import { pageItems, type PageShape } from './pageItems';
import { bucketFor, type BucketName } from './oktaBuckets';
import { lacksRateLimitHeaders, RateLimitGovernor, readRateLimitHeaders } from './rateLimitGovernor';
import { DEFAULT_MAX_BODY_BYTES, parseJsonBody, readBodyText, TruncatedBody } from './responseBody';
import { sleep } from './sleep';
import { ignoreWarnings, type WarningSink } from './warningSink';

export interface OktaClientOptions {
  orgUrl: string;
  auth: OktaAuth;
  governor?: RateLimitGovernor;
  /** Transient failures (5xx, resets, timeouts, truncated bodies) retried before giving up. */
  maxRetries?: number;
  /** 429 answers waited out before giving up. */
  maxRateLimitRetries?: number;
  requestTimeoutMs?: number;
  /** Cancels every request of this client; each call may add its own signal (a pull's stop-all). */
  signal?: AbortSignal;
  /** A body larger than this fails its request (default 64 MiB). */
  maxBodyBytes?: number;
  fetchImpl?: typeof fetch;
  random?: () => number;
  /** What the client notices without failing (e.g. rate limits it has to guess); the pull replaces it with its own. */
  onWarning?: WarningSink;
}

export interface OktaPage<T> {
  items: T[];
  /** Absolute URL of the next page, on the org's origin; undefined on the last page. */
  nextUrl?: string;
}

export interface ClientStats {
  requests: number;
  retries: number;
  rateLimited: number;
}

export type { PageShape } from './pageItems';

class RetryableFailure extends Error {}

type Sent = { response: Response; bodyText: string };

/** One GET and what its retries have used so far. */
interface Attempts {
  url: string;
  what: string;
  signal: AbortSignal | undefined;
  bucket: BucketName;
  /** Network failures and 5xx answers (together capped by maxRetries). */
  failures: number;
  rateLimits: number;
  /** Whether a 401 has already been retried with a renewed OAuth token. */
  reauthorised: boolean;
}

export class OktaClient {
  readonly orgUrl: string;
  readonly governor: RateLimitGovernor;
  readonly stats: ClientStats = { requests: 0, retries: 0, rateLimited: 0 };
  /** Set by the pull to its snapshot's warnings (see pull/pullWarnings.ts). */
  warningSink: WarningSink;
  /** Set by the pull to its request cap (pull/requestCap.ts): asked before every request, throws to stop. */
  requestGate: () => void = () => {};
  private readonly origin: string;
  private readonly options: OktaClientOptions;

  constructor(options: OktaClientOptions) {
    this.options = options;
    this.orgUrl = options.orgUrl;
    this.origin = new URL(options.orgUrl).origin;
    this.governor = options.governor ?? new RateLimitGovernor();
    this.warningSink = options.onWarning ?? ignoreWarnings;
  }

  /**
   * Turns a path or a link from Okta into an absolute URL, refusing any other origin (the token must never leave the
   * org).
   */
  resolve(pathOrUrl: string): string {
    const url = new URL(pathOrUrl, this.origin);
    if (url.origin !== this.origin) {
      throw new OktaError(
        'unsafe-link',
        `Okta sent a link to ${url.origin}, which is not the org ${this.origin}; the pull stopped rather than ` +
          `send the token there`,
      );
    }
    return url.toString();
  }

  /** `signal` cancels this request (and its waits) on top of the client's own signal. */
  async getPage<T>(
    pathOrUrl: string,
    what: string,
    shape: PageShape = { kind: 'array' },
    signal?: AbortSignal,
  ): Promise<OktaPage<T>> {
    const { body, headers } = await this.getJson(pathOrUrl, what, signal);
    const items = pageItems(body, shape, this.orgUrl, what) as T[];
    const links =
      shape.kind === 'object'
        ? ((body as Record<string, unknown>)._links as { next?: { href?: string } } | undefined)
        : undefined;
    const next = links?.next?.href ?? findNextLink(headers.get('link'));
    return { items, nextUrl: next ? this.resolve(next) : undefined };
  }

  private combinedSignal(signal?: AbortSignal): AbortSignal | undefined {
    const own = this.options.signal;
    return own && signal ? AbortSignal.any([own, signal]) : (own ?? signal);
  }

  async getJson(
    pathOrUrl: string,
    what: string,
    callerSignal?: AbortSignal,
  ): Promise<{ body: unknown; headers: Headers }> {
    const signal = this.combinedSignal(callerSignal);
    const url = this.resolve(pathOrUrl);
    const bucket = bucketFor('GET', new URL(url).pathname);
    const attempts: Attempts = { url, what, signal, bucket, failures: 0, rateLimits: 0, reauthorised: false };
    for (;;) {
      const sent = await this.sendWithinLimits(attempts);
      if (!sent) continue;
      // Released here, not in sendWithinLimits: the governor must hear this answer's headers (and a 429) before the
      // next waiting request runs, so nothing may come between the release and retriesAnswer's first step.
      sent.release();
      if (await this.retriesAnswer(attempts, sent)) continue;
      const { response, bodyText } = sent;
      if (!response.ok)
        throw oktaErrorForResponse(this.orgUrl, response.status, bodyText, what, this.options.auth.description);
      // Not JSON (an HTML portal page, garbage) fails at once: asking again would get the same answer.
      return {
        body: parseJsonBody(bodyText, response.headers.get('content-type'), {
          orgUrl: this.orgUrl,
          what: `a page of ${what}`,
        }),
        headers: response.headers,
      };
    }
  }

  /**
   * One request, inside the governor and the request cap; the caller releases its slot. Undefined after a network
   * failure worth retrying (once its back-off is over); throws when the retries are used up.
   */
  private async sendWithinLimits(attempts: Attempts): Promise<(Sent & { release: () => void }) | undefined> {
    const { url, what, signal } = attempts;
    const release = await this.governor.acquire(attempts.bucket, signal);
    try {
      this.requestGate(); // after the wait: a request cancelled while it waited was never made, so it is not counted
    } catch (error) {
      release();
      throw error;
    }
    let sent: Sent;
    try {
      this.stats.requests++;
      sent = await this.send(url, what, signal);
    } catch (error) {
      release();
      if (signal?.aborted) throw signal.reason;
      // An OktaError here comes from auth.headersFor (e.g. the OAuth token request) and already says what to do.
      if (error instanceof OktaError) throw error;
      if (!(error instanceof RetryableFailure) || attempts.failures >= (this.options.maxRetries ?? 6)) {
        throw new OktaError(
          'unavailable',
          `could not reach ${this.orgUrl} while listing ${what}: ${(error as Error).message}. Check the ` +
            `network and retry; the pull can be resumed.`,
          undefined,
          undefined,
          { cause: error }, // what failed, in its own words, for a caller that explains it another way
        );
      }
      await this.backoff(++attempts.failures, signal);
      return undefined;
    }
    return { ...sent, release };
  }

  /** Tells the governor the answer's rate-limit headers; true when the answer is to be asked again (after any wait). */
  private async retriesAnswer(attempts: Attempts, { response, bodyText }: Sent): Promise<boolean> {
    const { bucket, signal } = attempts;
    const rateLimitHeaders = readRateLimitHeaders(response.headers);
    if (lacksRateLimitHeaders(rateLimitHeaders))
      this.warningSink('rate-limits-guessed', 'headers', guessedLimitsWarning(this.governor.share));
    this.governor.observe(bucket, rateLimitHeaders);
    if (response.status === 429) {
      this.stats.rateLimited++;
      if (attempts.rateLimits >= (this.options.maxRateLimitRetries ?? 20))
        throw oktaErrorForResponse(this.orgUrl, 429, bodyText, attempts.what);
      const wait = this.governor.onRateLimited(bucket, rateLimitHeaders, attempts.rateLimits++);
      await this.governor.waitCounted(bucket, wait, signal);
      return true;
    }
    // OAuth access tokens expire or are revoked: when the auth can renew its token (invalidate()), a 401 is
    // retried once with a new token before it counts as a failure. SSWS auth has no invalidate(): it fails at once.
    if (response.status === 401 && !attempts.reauthorised && this.options.auth.invalidate) {
      attempts.reauthorised = true;
      this.options.auth.invalidate();
      return true;
    }
    if (response.status >= 500 && attempts.failures < (this.options.maxRetries ?? 6)) {
      await this.backoff(++attempts.failures, signal);
      return true;
    }
    return false;
  }

  private async send(url: string, what: string, callerSignal: AbortSignal | undefined): Promise<Sent> {
    const fetchImpl = this.options.fetchImpl ?? fetch;
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    const headers = {
      Accept: 'application/json',
      'User-Agent': 'okta-prep',
      ...(await this.options.auth.headersFor('GET', url, callerSignal)),
    };
    try {
      const response = await fetchImpl(url, { method: 'GET', headers, signal, redirect: 'error' });
      const maxBytes = this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const bodyText = await readBodyText(response, { orgUrl: this.orgUrl, what: `a page of ${what}`, maxBytes });
      return { response, bodyText };
    } catch (error) {
      if (callerSignal?.aborted) throw error;
      if (error instanceof OktaError) throw error; // too large: the same request would get the same answer
      if (error instanceof TruncatedBody)
        throw new RetryableFailure(timeout.aborted ? 'the request timed out' : error.message);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new RetryableFailure(timeout.aborted ? 'the request timed out' : detail);
    }
  }

  private async backoff(attempt: number, signal: AbortSignal | undefined): Promise<void> {
    this.stats.retries++;
    const random = this.options.random ?? Math.random;
    const base = Math.min(20_000, 250 * 2 ** (attempt - 1));
    await sleep(base * (0.5 + random()), signal);
  }
}
