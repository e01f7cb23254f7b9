// The fake server's request pipeline: a request passes through ordered stages (headers, errors, auth, routing ...).
// New behaviour (rate-limit enforcement, injected faults, OAuth token endpoint, DPoP checks) is one more stage.
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeOrg } from './generateOrg';

export interface FakeRequest {
  method: string;
  /** Absolute URL of the request, built from its Host header. */
  url: URL;
  /** e.g. "http://127.0.0.1:43121": the origin every link in the response is built from. */
  baseUrl: string;
  headers: IncomingHttpHeaders;
  /** The raw request body (empty for GETs); read up front so a later POST stage (e.g. /oauth2/v1/token) can use it. */
  body: string;
  /** Also sent as X-Okta-Request-Id. */
  requestId: string;
  /** The live model, read afresh for every request. */
  org: FakeOrg;
  /** Set by the auth stage: who is calling (SSWS token, or an OAuth access token with its scopes). */
  principal?: Principal;
}

export type Principal = { kind: 'ssws' } | { kind: 'oauth'; tokenType: 'Bearer' | 'DPoP'; scopes: readonly string[] };

export interface FakeResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[]>;
  /** Sent as is instead of `body` as JSON (e.g. a captive portal's HTML page). */
  rawBody?: { contentType: string; text: string };
  /** An injected transport fault: `reset` drops the socket unanswered, `truncate` cuts the body short. */
  transportFault?: 'reset' | 'truncate';
}

export type NextStage = () => Promise<FakeResponse>;
export type Stage = (request: FakeRequest, next: NextStage) => Promise<FakeResponse>;
export type Terminal = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export function jsonResponse(
  body: unknown,
  headers: Record<string, string | string[]> = {},
  status = 200,
): FakeResponse {
  return { status, body, headers };
}

/** Runs `stages` in order around `terminal`; each stage may answer itself, or call next and amend the answer. */
export function composeStages(
  stages: readonly Stage[],
  terminal: Terminal,
): (request: FakeRequest) => Promise<FakeResponse> {
  return (request) => {
    const run = (index: number): Promise<FakeResponse> => {
      const stage = stages[index];
      if (!stage) return Promise.resolve().then(() => terminal(request));
      return stage(request, () => run(index + 1));
    };
    return run(0);
  };
}
