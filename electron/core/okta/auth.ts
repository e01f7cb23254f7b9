// How requests to Okta are authorised. The secret lives only inside the provider (a private field), never in errors or
// logs.

export interface OktaAuth {
  /** Headers that authorise one request to `url` with `method`; `signal` cancels any token request this needs. */
  headersFor(method: string, url: string, signal?: AbortSignal): Promise<Record<string, string>>;
  /** A short, secret-free description for messages, e.g. "API token". */
  readonly description: string;
  /** Drops a cached access token so the next headersFor gets a new one (OAuth); SSWS tokens have none. */
  invalidate?(): void;
}

export class SswsTokenAuth implements OktaAuth {
  readonly #token: string;
  readonly description = 'API token';

  constructor(token: string) {
    const trimmed = token.trim();
    if (trimmed === '') throw new Error('the Okta API token is empty: set OKTA_API_TOKEN or pass --token-file FILE');
    if (/\s/.test(trimmed))
      throw new Error('the Okta API token contains white space: check that the token file holds only the token');
    this.#token = trimmed;
  }

  async headersFor(): Promise<Record<string, string>> {
    return { Authorization: `SSWS ${this.#token}` };
  }

  toJSON(): object {
    return { description: this.description };
  }
}
