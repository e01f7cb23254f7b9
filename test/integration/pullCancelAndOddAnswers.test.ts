// Every request is cancellable and bounded: a pull cancelled while a request stalls ends at once with the cancel
// reason (the OAuth token request too); a body past the cap, an HTML portal page, an object where a list belongs
// or a list of non-objects fails that request plainly, once, instead of being buffered, retried or stored.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import {
  startFakeOktaServer,
  type FakeOktaServer,
  type FakeOktaServerOptions,
} from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { createOktaAuth } from '../../electron/core/okta/oauth/createOktaAuth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg, PullError } from '../../electron/core/pull/pullOrg';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { getSnapshot } from '../../electron/core/store/snapshots';
import { useTempDirs } from '../helpers/tempDir';
import { makeKey } from '../core/okta/oauth/keyFixtures';

const TOKEN = 'cancel-test-token';
// Far longer than any test here may take: ending "promptly" means ending long before this.
const HOUR_MS = 3_600_000;
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
const org = generateOrg({ seed: 'cancel', users: 20, groups: 4, apps: 2 });
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(options: Omit<FakeOktaServerOptions, 'org' | 'apiToken'>): Promise<FakeOktaServer> {
  const server = await startFakeOktaServer({ org, apiToken: TOKEN, ...options });
  servers.push(server);
  return server;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

/** Pulls and returns the failure (the test fails if the pull succeeds). */
async function failedPull(
  server: FakeOktaServer,
  clientOptions: Partial<ConstructorParameters<typeof OktaClient>[0]> = {},
) {
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
  const client = new OktaClient({
    orgUrl: server.url,
    auth: new SswsTokenAuth(TOKEN),
    requestTimeoutMs: HOUR_MS,
    random: () => 0,
    ...clientOptions,
  });
  const error = await pullOrg({ db, client, includeFactors: false, appVersion: 'test' }).then(
    () => expect.fail('the pull should have failed'),
    (caught: unknown) => caught as PullError,
  );
  db.close();
  return error;
}

describe('cancelling reaches the request in flight', () => {
  it('a pull cancelled while its requests stall ends with the cancel reason, not the timeout', async () => {
    const server = await serve({ faults: { seed: 'stall', rate: 1, kinds: ['stall'], stallMs: HOUR_MS } });
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    // The client knows no signal of its own: only the pull's signal can reach its requests.
    const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN), requestTimeoutMs: HOUR_MS });
    const controller = new AbortController();
    const pull = pullOrg({ db, client, includeFactors: false, appVersion: 'test', signal: controller.signal });
    await until(() => server.requestCount() > 0);
    const reason = new Error('cancelled by the user');
    controller.abort(reason);
    const error = await pull.then(
      () => expect.fail('the pull should have been cancelled'),
      (caught: unknown) => caught as PullError,
    );
    expect(error).toBeInstanceOf(PullError);
    expect(error.cause).toBe(reason);
    expect(getSnapshot(db, error.snapshotId)!.status).toBe('cancelled');
    db.close();
  }, 15_000);

  it('cancels the OAuth token request while it is in flight', async () => {
    const rsa = makeKey('RSA', 'cancel-rsa');
    // Every request, the token request included, is held for an hour before it is answered.
    const server = await serve({
      latencyMs: HOUR_MS,
      oauth: { clientId: '0oa1cancel0000000001', publicJwks: { keys: [rsa.publicJwk] }, requireDpop: false },
    });
    const auth = await createOktaAuth({
      kind: 'oauth',
      orgUrl: server.url,
      clientId: '0oa1cancel0000000001',
      privateKey: rsa.pkcs8Pem,
    });
    const controller = new AbortController();
    const headers = auth.headersFor('GET', `${server.url}/api/v1/users`, controller.signal);
    await until(() => server.requestCount() > 0);
    const reason = new Error('cancelled by the user');
    controller.abort(reason);
    await expect(headers).rejects.toBe(reason);
  }, 15_000);
});

describe('answers that are not an Okta list fail that request plainly, without retries', () => {
  it('refuses a body larger than the cap (here 100 KiB; 64 MiB by default) after one request', async () => {
    const server = await serve({ oversizedAnswers: [{ pathPrefix: '/api/v1/apps', bytes: 300_000 }] });
    const error = await failedPull(server, { maxBodyBytes: 100 * 1024 });
    expect(error.message).toMatch(/answered a page of apps larger than 100 KiB; .*Check the org URL and the network/);
    expect(server.stats().requestsByBucket.apps).toBe(1);
  }, 30_000);

  it('says a captive portal or proxy login answered with HTML, after one request', async () => {
    const server = await serve({ oddAnswers: [{ pathPrefix: '/api/v1/apps', answer: 'html' }] });
    const error = await failedPull(server);
    expect(error.message).toContain(
      'answered a page of apps with an HTML page instead of JSON — a captive portal, a proxy login or a wrong URL? ' +
        'Check the org URL and the network',
    );
    expect(server.stats().requestsByBucket.apps).toBe(1);
  }, 30_000);

  it('refuses a JSON object where a list belongs', async () => {
    const server = await serve({ oddAnswers: [{ pathPrefix: '/api/v1/users', answer: 'object' }] });
    const error = await failedPull(server);
    // The prefix also covers /users/{id}/roles, which the admin-role family may reach first.
    expect(error.message).toMatch(/answered the list of (users|admin roles) with a JSON object where a list belongs/);
  }, 30_000);

  it('refuses a list none of whose items is a JSON object', async () => {
    const server = await serve({ oddAnswers: [{ pathPrefix: '/api/v1/groups', answer: 'non-object-items' }] });
    const error = await failedPull(server);
    expect(error.message).toMatch(
      /answered the list of groups with a list of 3 items none of which is a JSON object \(the first is a string\)/,
    );
  }, 30_000);
});
