// Test helpers for the fake Okta server: start it, call it with the token, and walk Link-header or body pagination.
import { afterEach } from 'vitest';
import { generateOrg, type FakeOrg, type FakeOrgOptions } from '../../../electron/core/fake-okta/generateOrg';
import {
  startFakeOktaServer,
  type FakeOktaServer,
  type FakeOktaServerOptions,
} from '../../../electron/core/fake-okta/server';

export const TEST_TOKEN = 'fake-okta-test-token-0123456789';

export interface Harness {
  server: FakeOktaServer;
  org: FakeOrg;
  /** GET with the valid token; `path` is relative to the server or an absolute URL. */
  get(pathOrUrl: string, headers?: Record<string, string>): Promise<Response>;
  getJson<T = unknown>(pathOrUrl: string): Promise<T>;
  /** Follows `Link: rel="next"` to the end; returns every page's body. */
  walkLinks<T = unknown>(path: string): Promise<{ pages: T[][]; items: T[] }>;
  /** Follows body `_links.next.href` to the end (the /iam style). */
  walkBody<T>(path: string, key: string): Promise<{ pages: T[][]; items: T[] }>;
}

/** Parses RFC 8288 Link header(s) into rel -> URL (fetch joins repeated headers with ", "). */
export function parseLinks(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const match = /^<([^>]*)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (match) links[match[2] as string] = match[1] as string;
  }
  return links;
}

/** `serverOptions` adds rate limits, faults, permissions, OAuth ... to the SSWS-token server. */
export async function startHarness(
  options: FakeOrgOptions | FakeOrg,
  serverOptions: Omit<FakeOktaServerOptions, 'org'> = {},
): Promise<Harness> {
  const org = 'seed' in options ? generateOrg(options) : options;
  const server = await startFakeOktaServer({ apiToken: TEST_TOKEN, ...serverOptions, org });
  const absolute = (pathOrUrl: string) => (pathOrUrl.startsWith('http') ? pathOrUrl : `${server.url}${pathOrUrl}`);
  const get = (pathOrUrl: string, headers: Record<string, string> = {}) =>
    fetch(absolute(pathOrUrl), {
      headers: { Authorization: `SSWS ${TEST_TOKEN}`, Accept: 'application/json', ...headers },
    });
  const getJson = async <T>(pathOrUrl: string): Promise<T> => {
    const response = await get(pathOrUrl);
    if (response.status !== 200) throw new Error(`GET ${pathOrUrl} -> ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const walkLinks = async <T>(path: string) => {
    const pages: T[][] = [];
    let next: string | undefined = absolute(path);
    for (let guard = 0; next; guard++) {
      if (guard > 10_000) throw new Error('pagination does not end');
      const response = await get(next);
      if (response.status !== 200) throw new Error(`GET ${next} -> ${response.status} ${await response.text()}`);
      pages.push((await response.json()) as T[]);
      next = parseLinks(response.headers.get('link')).next;
    }
    return { pages, items: pages.flat() };
  };
  const walkBody = async <T>(path: string, key: string) => {
    const pages: T[][] = [];
    let next: string | undefined = absolute(path);
    for (let guard = 0; next; guard++) {
      if (guard > 10_000) throw new Error('pagination does not end');
      const body: Record<string, unknown> & { _links?: { next?: { href: string } } } = await getJson(next);
      pages.push(body[key] as T[]);
      next = body._links?.next?.href;
    }
    return { pages, items: pages.flat() };
  };
  return { server, org, get, getJson, walkLinks, walkBody };
}

/** For a test file that starts one server per test: `start(options)` starts it, and it is closed after each test. */
export function useHarnessPerTest(
  org: FakeOrgOptions,
): (serverOptions?: Omit<FakeOktaServerOptions, 'org'>) => Promise<Harness> {
  let running: Harness | undefined;
  afterEach(async () => {
    await running?.server.close();
    running = undefined;
  });
  return async (serverOptions = {}) => {
    running = await startHarness(org, serverOptions);
    return running;
  };
}
