// Tests for the HTTP + SSE transport on 127.0.0.1: secret, Host/Origin guards, body limits, SSE, static files, typed
// client.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { createEventHub } from '../../../electron/core/service/eventHub';
import { DEFAULT_MAX_BODY_BYTES } from '../../../electron/core/service/httpJsonBody';
import { MISSING_BUILD_MESSAGE } from '../../../electron/core/service/httpStaticFiles';
import { startHttpTransport, type HttpTransport } from '../../../electron/core/service/httpTransport';
import { ServiceFailure } from '../../../electron/core/service/serviceFailure';
import { createServiceClient, ServiceCallError } from '../../../shared/service/client';
import type { JobState } from '../../../shared/service/types';
import { createHttpClientTransport, parseSecretFromHash } from '../../../renderer/src/service/httpClientTransport';
import { APP_INFO, fakeService } from './fakeService';
import { FetchEventSource, rawRequest, readSseFrames } from './httpTestHelpers';

const JOB: JobState = {
  id: 'job-1',
  kind: 'pull',
  status: 'running',
  startedAt: '2024-01-01T00:00:00.000Z',
  progress: { phases: [], requests: 3, rateLimitWaits: [], elapsedMs: 10 },
};

let root: string;
let staticDir: string;
let transport: HttpTransport;
const hub = createEventHub();

const service = fakeService({
  'app.info': async () => APP_INFO,
  'jobs.list': async () => [JOB],
  'browse.group': async () => {
    throw new ServiceFailure('NOT_FOUND', 'no group 00g9 in snapshot 1');
  },
});

function authHeaders(secret = transport.secret): Record<string, string> {
  return { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' };
}

function postCall(body: unknown, headers: Record<string, string> = authHeaders()): Promise<Response> {
  return fetch(`${transport.origin}/api/call`, { method: 'POST', headers, body: JSON.stringify(body) });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'okta-prep-http-'));
  staticDir = path.join(root, 'dist');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Okta Prep</title>');
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("hi");');
  await writeFile(path.join(root, 'secret.txt'), 'TOP SECRET');
  transport = await startHttpTransport({
    dispatch: createDispatcher(service),
    events: hub,
    staticDir,
    keepAliveMs: 50,
  });
});

afterAll(async () => {
  await transport.close();
  await rm(root, { recursive: true, force: true });
});

afterEach(() => {
  FetchEventSource.instances.splice(0).forEach((source) => source.close());
});

describe('startHttpTransport', () => {
  it('binds to 127.0.0.1 on a random port and puts the secret in the URL fragment', () => {
    expect(transport.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(transport.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(transport.url).toBe(`${transport.origin}/#secret=${transport.secret}`);
    expect(parseSecretFromHash(new URL(transport.url).hash)).toBe(transport.secret);
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1024 * 1024); // calls are small JSON; files go to /api/upload
  });

  it('round-trips a call with the secret, ok and error values both as HTTP 200', async () => {
    const ok = await postCall({ method: 'app.info', params: {} });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/json');
    expect(await ok.json()).toEqual({ ok: true, value: APP_INFO });
    const invalid = await postCall({ method: 'browse.page', params: { snapshotId: 1 } });
    expect(invalid.status).toBe(200);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    const unknown = await postCall({ method: 'shell.exec', params: {} });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers 401 to a missing or wrong secret, and does not take the secret from the query on /api/call', async () => {
    expect((await postCall({ method: 'app.info', params: {} }, { 'Content-Type': 'application/json' })).status).toBe(
      401,
    );
    expect((await postCall({ method: 'app.info', params: {} }, authHeaders('wrong'))).status).toBe(401);
    expect((await postCall({ method: 'app.info', params: {} }, authHeaders(`${transport.secret}x`))).status).toBe(401);
    const viaQuery = await fetch(`${transport.origin}/api/call?secret=${transport.secret}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'app.info', params: {} }),
    });
    expect(viaQuery.status).toBe(401);
  });

  it('rejects requests whose Host is not 127.0.0.1 or localhost on this port (DNS rebinding)', async () => {
    const body = JSON.stringify({ method: 'app.info', params: {} });
    const call = (host: string) =>
      rawRequest(transport.port, {
        method: 'POST',
        path: '/api/call',
        headers: { ...authHeaders(), Host: host },
        body,
      });
    expect((await call('evil.example')).status).toBe(403);
    expect((await call(`evil.example:${transport.port}`)).status).toBe(403);
    expect((await call('127.0.0.1:1')).status).toBe(403);
    expect((await rawRequest(transport.port, { path: '/', headers: { Host: 'rebind.attacker.test' } })).status).toBe(
      403,
    );
    expect((await call(`localhost:${transport.port}`)).status).toBe(200);
  });

  it('rejects cross-origin Origin headers on /api and accepts its own origin', async () => {
    const evil = await postCall(
      { method: 'app.info', params: {} },
      { ...authHeaders(), Origin: 'http://evil.example' },
    );
    expect(evil.status).toBe(403);
    const otherPort = await postCall(
      { method: 'app.info', params: {} },
      { ...authHeaders(), Origin: 'http://127.0.0.1:1' },
    );
    expect(otherPort.status).toBe(403);
    const own = await postCall({ method: 'app.info', params: {} }, { ...authHeaders(), Origin: transport.origin });
    expect(own.status).toBe(200);
    const events = await fetch(`${transport.origin}/api/events?secret=${transport.secret}`, {
      headers: { Origin: 'null' },
    });
    expect(events.status).toBe(403);
  });

  it('answers 415 to non-JSON bodies and 400 to malformed JSON', async () => {
    const text = await postCall(
      { method: 'app.info' },
      { Authorization: `Bearer ${transport.secret}`, 'Content-Type': 'text/plain' },
    );
    expect(text.status).toBe(415);
    const bad = await fetch(`${transport.origin}/api/call`, {
      method: 'POST',
      headers: authHeaders(),
      body: '{"method":',
    });
    expect(bad.status).toBe(400);
    expect((await postCall(['app.info'])).status).toBe(400);
  });

  it('answers 413 to oversized bodies, declared or streamed', async () => {
    const small = await startHttpTransport({
      dispatch: createDispatcher(service),
      events: hub,
      maxBodyBytes: 64 * 1024,
    });
    try {
      const headers = { ...authHeaders(small.secret), Host: `127.0.0.1:${small.port}` };
      const body = JSON.stringify({ method: 'app.info', params: {}, pad: 'x'.repeat(100_000) });
      expect((await rawRequest(small.port, { method: 'POST', path: '/api/call', headers, body })).status).toBe(413);
      const chunks = Array.from({ length: 8 }, () => Buffer.alloc(16 * 1024, 0x20));
      const streamed = await rawRequest(small.port, { method: 'POST', path: '/api/call', headers, chunks });
      expect(streamed.status).toBe(413);
      const fits = await rawRequest(small.port, {
        method: 'POST',
        path: '/api/call',
        headers,
        body: JSON.stringify({ method: 'app.info' }),
      });
      expect(JSON.parse(fits.text)).toEqual({ ok: true, value: APP_INFO });
    } finally {
      await small.close();
    }
  });

  it('streams published events over SSE and needs the secret', async () => {
    expect((await fetch(`${transport.origin}/api/events`)).status).toBe(401);
    expect((await fetch(`${transport.origin}/api/events?secret=nope`)).status).toBe(401);
    const response = await fetch(`${transport.origin}/api/events?secret=${encodeURIComponent(transport.secret)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    hub.publish({ name: 'job.updated', payload: JOB });
    const frames = await readSseFrames(response, (seen) => seen.some((frame) => frame.event === 'job.updated'));
    const frame = frames.find((candidate) => candidate.event === 'job.updated');
    expect(JSON.parse(frame!.data)).toEqual({ name: 'job.updated', payload: JOB });
    await vi.waitFor(() => expect(hub.listenerCount()).toBe(0));
  });

  it('sends keep-alive comments on the SSE stream (header secret works too)', async () => {
    const response = await fetch(`${transport.origin}/api/events`, {
      headers: { Authorization: `Bearer ${transport.secret}` },
    });
    const frames = await readSseFrames(response, (seen) => seen.filter((frame) => frame.comment).length >= 3);
    expect(frames.filter((frame) => frame.comment).length).toBeGreaterThanOrEqual(3);
  });

  it('serves static files with the CSP and security headers, without the secret', async () => {
    const index = await fetch(`${transport.origin}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Okta Prep</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = index.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    const script = await fetch(`${transport.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${transport.origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${transport.origin}/assets`)).status).toBe(404);
    expect((await fetch(`${transport.origin}/api/nothing`, { headers: authHeaders() })).status).toBe(404);
  });

  it('answers the page with how to build the browser app when the build is missing, not a blank 404', async () => {
    const empty = await startHttpTransport({
      dispatch: createDispatcher(service),
      events: hub,
      staticDir: path.join(root, 'no-build'),
    });
    try {
      const page = await fetch(`${empty.origin}/`);
      expect(page.status).toBe(404);
      expect(await page.text()).toBe(MISSING_BUILD_MESSAGE);
      expect(MISSING_BUILD_MESSAGE).toContain('npm run build:renderer');
      expect(await (await fetch(`${empty.origin}/assets/app.js`)).text()).toBe('not found');
    } finally {
      await empty.close();
    }
  });

  it('never serves files outside the static folder', async () => {
    const paths = [
      '/../secret.txt',
      '/../package.json',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/index.html%00.js',
      '//etc/passwd',
      '/%E0%A4%A',
    ];
    for (const target of paths) {
      const response = await rawRequest(transport.port, {
        path: target,
        headers: { Host: `127.0.0.1:${transport.port}` },
      });
      expect(response.status, target).toBe(404);
      expect(response.text, target).not.toContain('TOP SECRET');
    }
  });
});

describe('createServiceClient over createHttpClientTransport', () => {
  const client = () =>
    createServiceClient(
      createHttpClientTransport({ baseUrl: transport.origin, secret: transport.secret, EventSource: FetchEventSource }),
    );

  it('resolves values and throws ServiceCallError for error values', async () => {
    expect(await client().call('app.info', {})).toEqual(APP_INFO);
    expect(await client().call('jobs.list', {})).toEqual([JOB]);
    const failure = await client()
      .call('browse.group', { snapshotId: 1, groupId: '00g9' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceCallError);
    expect(failure).toMatchObject({
      code: 'NOT_FOUND',
      message: 'no group 00g9 in snapshot 1',
      method: 'browse.group',
    });
    const invalid = await client()
      .call('browse.page', { snapshotId: 0, table: 'users', offset: 0, limit: 1 })
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: 'INVALID_PARAMS', message: 'params.snapshotId must be >= 1' });
  });

  it('reports a wrong secret as a ServiceCallError, not a crash', async () => {
    const wrong = createServiceClient(createHttpClientTransport({ baseUrl: transport.origin, secret: 'wrong-secret' }));
    const failure = await wrong.call('app.info', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceCallError);
    expect((failure as ServiceCallError).message).toContain('secret');
  });

  it('delivers events through EventSource and closes it when the last listener leaves', async () => {
    const events = client();
    const all: unknown[] = [];
    const payloads: JobState[] = [];
    const stopAll = events.onEvent((event) => all.push(event));
    const stopJobs = events.on('job.updated', (payload) => payloads.push(payload));
    expect(FetchEventSource.instances).toHaveLength(1);
    expect(FetchEventSource.instances[0]?.url).toBe(`${transport.origin}/api/events?secret=${transport.secret}`);
    await vi.waitFor(() => expect(hub.listenerCount()).toBe(1));
    hub.publish({ name: 'job.updated', payload: JOB });
    await vi.waitFor(() => expect(payloads).toEqual([JOB]));
    expect(all).toEqual([{ name: 'job.updated', payload: JOB }]);
    stopAll();
    expect(FetchEventSource.instances[0]?.closed).toBe(false);
    stopJobs();
    expect(FetchEventSource.instances[0]?.closed).toBe(true);
    await vi.waitFor(() => expect(hub.listenerCount()).toBe(0));
  });
});
