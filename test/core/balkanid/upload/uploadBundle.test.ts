// Uploading a bundle to the fake BalkanID on 127.0.0.1: the order of requests, the bytes stored, and each way BalkanID,
// its storage or a proxy can answer — what is retried, what gets a fresh URL, what stops at once — with messages that
// never hold the API key secret.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BundleRefusedError,
  uploadBundle,
  type UploadBundleOptions,
} from '../../../../electron/core/balkanid/upload/uploadBundle';
import { BalkanIdUploadError } from '../../../../electron/core/balkanid/upload/uploadErrors';
import type { UploadLimits } from '../../../../electron/core/balkanid/upload/uploadOneFile';
import { startFakeBalkanIdServer, type FakeBalkanIdServer } from '../../../../electron/core/fake-balkanid/server';
import type { UploadEvent } from '../../../../shared/balkanid/bundleUpload';
import { errorRejectedBy } from '../../../helpers/errorThrownBy';
import { ENTITIES, ENTITLEMENTS, RELATIONS, writeHandMadeBundle } from '../../../helpers/handMadeBundle';
import { exportSampleOrgBundle } from '../../../helpers/sampleOrgBundle';
import { useTempDirs } from '../../../helpers/tempDir';

const KEY = { id: 'key-id-test', secret: 'balkanid-SECRET-4f9c2e7a1b' };
/** Small waits and time limits, so the retry and time-limit paths run in well under a second each. */
const FAST: Partial<UploadLimits> = {
  retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 2000 },
  post: { idleMs: 300, answerMs: 500 },
  put: { idleMs: 300, answerMs: 500 },
};
const tempDir = useTempDirs();
let server: FakeBalkanIdServer;
let bundle: string;

beforeAll(async () => {
  server = await startFakeBalkanIdServer({ apiKeyId: KEY.id, apiKeySecret: KEY.secret });
  bundle = writeHandMadeBundle(tempDir(), { entities: ENTITIES, relations: RELATIONS });
});
afterAll(async () => {
  await server?.close();
});

/** Each test starts on a fresh server so its request log is its own. */
let current: FakeBalkanIdServer | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});
async function freshServer(misbehave: Parameters<FakeBalkanIdServer['misbehave']>[0] = []) {
  current = await startFakeBalkanIdServer({ apiKeyId: KEY.id, apiKeySecret: KEY.secret, misbehave });
  return current;
}

function upload(target: FakeBalkanIdServer, options: Partial<UploadBundleOptions> = {}) {
  return uploadBundle({ dir: bundle, baseUrl: target.url, apiKey: KEY, limits: FAST, ...options });
}

/** "POST entities", "PUT entities", ... from the server's log. */
function steps(target: FakeBalkanIdServer): string[] {
  return target.requests().map((request) => {
    const upload = /\/api\/rest\/v0\/([a-z-]+)\/upload-url$/.exec(request.path)?.[1];
    const stored = /^\/__storage\/([a-z]+)\//.exec(request.path)?.[1];
    return `${request.method} ${upload ?? stored} ${request.status}`;
  });
}

async function uploadError(target: FakeBalkanIdServer, options: Partial<UploadBundleOptions> = {}) {
  const error = await errorRejectedBy(() => upload(target, options));
  expect(error).toBeInstanceOf(BalkanIdUploadError);
  expect(error.message).not.toContain(KEY.secret);
  return error as BalkanIdUploadError;
}

describe('uploadBundle against the fake BalkanID', () => {
  it('sends a real export: entities first, then relations, each as the exact bytes with a Content-Length', async () => {
    const exported = await exportSampleOrgBundle(tempDir());
    const events: UploadEvent[] = [];
    const result = await uploadBundle({
      dir: exported,
      baseUrl: `${server.url}/`,
      apiKey: KEY,
      onEvent: (e) => events.push(e),
    });
    expect(steps(server)).toEqual([
      'POST entities 200',
      'PUT entities 200',
      'POST entity-relations 200',
      'PUT relations 200',
    ]);
    const stored = server.stored();
    expect(stored.map((upload) => upload.body)).toEqual([
      fs.readFileSync(path.join(exported, 'entities.csv')),
      fs.readFileSync(path.join(exported, 'entity-relations.csv')),
    ]);
    expect(stored.map((upload) => upload.contentType)).toEqual([undefined, undefined]);
    // The pre-signed URL is its own credential: the API key goes only to BalkanID's API.
    expect(server.requests().map((request) => request.hadApiKeyHeaders)).toEqual([true, false, true, false]);
    expect(result.files.map((file) => [file.endpoint, file.bytes, file.attempts, file.freshUrls])).toEqual([
      ['entities', stored[0]!.bytes, 1, 0],
      ['entity-relations', stored[1]!.bytes, 1, 0],
    ]);
    const lastSending = events.filter((event) => event.stage === 'sending').at(-1);
    expect(lastSending).toMatchObject({
      file: 'entity-relations.csv',
      sentBytes: stored[1]!.bytes,
      totalBytes: stored[1]!.bytes,
    });
  });

  it('sends entitlements after entities when the bundle has no relations file, else skips it', async () => {
    const target = await freshServer();
    const flat = writeHandMadeBundle(tempDir(), { entities: ENTITIES, entitlements: ENTITLEMENTS });
    await upload(target, { dir: flat });
    expect(steps(target)).toEqual([
      'POST entities 200',
      'PUT entities 200',
      'POST entitlements 200',
      'PUT entitlements 200',
    ]);

    const both = await freshServer();
    const full = writeHandMadeBundle(tempDir(), {
      entities: ENTITIES,
      relations: RELATIONS,
      entitlements: ENTITLEMENTS,
    });
    const result = await upload(both, { dir: full });
    expect(steps(both).map((step) => step.split(' ')[1])).toEqual([
      'entities',
      'entities',
      'entity-relations',
      'relations',
    ]);
    expect(result.skipped).toEqual([
      { name: 'entitlements.csv', reason: expect.stringContaining('entity-relations.csv') },
    ]);
  });

  it('stops at a 401 without retrying and says the key id or secret is wrong', async () => {
    const target = await freshServer(['unauthorized']);
    const error = await uploadError(target);
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/key id or secret is wrong/);
    expect(steps(target)).toEqual(['POST entities 401']);
  });

  it('stops at a wrong secret the same way, and never echoes the secret it was given', async () => {
    const target = await freshServer();
    const wrong = { id: KEY.id, secret: 'wrong-SECRET-value-0000' };
    const error = await errorRejectedBy(() => upload(target, { apiKey: wrong }));
    expect((error as BalkanIdUploadError).kind).toBe('auth');
    expect(error.message).not.toContain(wrong.secret);
  });

  it('stops at a 403 from the API without retrying: the key may not upload', async () => {
    const target = await freshServer(['forbidden']);
    const error = await uploadError(target);
    expect(error.kind).toBe('permission');
    expect(steps(target)).toEqual(['POST entities 403']);
  });

  it('stops at a 413 on the upload without retrying and suggests making the file smaller', async () => {
    const target = await freshServer(['too-large']);
    const error = await uploadError(target);
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/--relations/);
    expect(steps(target)).toEqual(['POST entities 200', 'PUT entities 413']);
  });

  it('retries a 500 from the API, a 503 from the storage and a cut connection, then finishes', async () => {
    const target = await freshServer(['server-error-once', 'storage-error-once', 'reset-upload-once']);
    const events: UploadEvent[] = [];
    const result = await upload(target, { onEvent: (event) => events.push(event) });
    expect(steps(target)).toEqual([
      'POST entities 500',
      'POST entities 200',
      'PUT entities 503',
      'PUT entities 0', // the connection cut part-way: no answer
      'PUT entities 200',
      'POST entity-relations 200',
      'PUT relations 200',
    ]);
    expect(result.files[0]!.attempts).toBe(3);
    expect(events.filter((event) => event.stage === 'retrying')).toHaveLength(3);
    expect(target.stored().map((stored) => stored.body?.toString())).toEqual([ENTITIES.text, RELATIONS.text]);
  });

  it('waits as long as a 429 Retry-After asks (within its limit), and stops when it asks for longer', async () => {
    const target = await freshServer(['rate-limited-once']);
    const startedAt = Date.now();
    await upload(target);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect(steps(target).slice(0, 2)).toEqual(['POST entities 429', 'POST entities 200']);

    const impatient = await freshServer(['rate-limited-once']);
    const error = await uploadError(impatient, {
      limits: { ...FAST, retry: { ...FAST.retry!, maxRetryAfterMs: 500 } },
    });
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/asked to wait 1 s/);
    expect(steps(impatient)).toEqual(['POST entities 429']);
  });

  it('asks for a fresh URL once when the upload URL has expired (403 or 400 ExpiredToken), then finishes', async () => {
    for (const misbehaviour of ['expired-url-once', 'expired-token-once'] as const) {
      const target = await freshServer([misbehaviour]);
      const result = await upload(target);
      const expired = misbehaviour === 'expired-url-once' ? 'PUT entities 403' : 'PUT entities 400';
      expect(steps(target)).toEqual([
        'POST entities 200',
        expired,
        'POST entities 200',
        'PUT entities 200',
        'POST entity-relations 200',
        'PUT relations 200',
      ]);
      expect(result.files.map((file) => file.freshUrls)).toEqual([1, 0]);
      expect(target.stored().map((stored) => stored.body?.toString())).toEqual([ENTITIES.text, RELATIONS.text]);
      await target.close();
    }
  });

  it('stops when the fresh URL has expired too, having asked for exactly one', async () => {
    const target = await freshServer(['expired-url-always']);
    const error = await uploadError(target);
    expect(error.kind).toBe('expired-url');
    expect(steps(target)).toEqual(['POST entities 200', 'PUT entities 403', 'POST entities 200', 'PUT entities 403']);
  });

  it('stops at an HTML page where JSON was due (a captive portal) without retrying', async () => {
    const target = await freshServer(['html-page']);
    const error = await uploadError(target);
    expect(error.kind).toBe('odd-answer');
    expect(error.message).toMatch(/HTML page instead of JSON/);
    expect(steps(target)).toEqual(['POST entities 200']);
  });

  it('gives up on a request for a URL that never answers after its time limit, per attempt', async () => {
    const target = await freshServer(['hang-url']);
    const startedAt = Date.now();
    const error = await uploadError(target);
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/sent nothing for 300 ms \(tried 3 times\)/);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(target.requests()).toHaveLength(3);
  });

  it('gives up on an upload whose answer never comes, after its time limit', async () => {
    const target = await freshServer(['hang-upload']);
    const error = await uploadError(target);
    expect(error.kind).toBe('network');
    expect(steps(target)).toEqual(['POST entities 200', 'PUT entities 0', 'PUT entities 0', 'PUT entities 0']);
    expect(target.stored()).toEqual([]);
  });

  it('stops at once when cancelled while waiting for an answer', async () => {
    const target = await freshServer(['hang-url']);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop now')), 100);
    const startedAt = Date.now();
    const limits = { ...FAST, post: { idleMs: 60_000, answerMs: 60_000 } };
    const error = await uploadError(target, { signal: controller.signal, limits });
    expect(error.kind).toBe('cancelled');
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });

  it('sends nothing for a bundle that fails its check, and the error carries the findings', async () => {
    const target = await freshServer();
    const changed = writeHandMadeBundle(tempDir(), { entities: ENTITIES, relations: RELATIONS });
    fs.writeFileSync(path.join(changed, ENTITIES.name), ENTITIES.text.replace('Ada', 'Eve'));
    const error = await uploadError(target, { dir: changed });
    expect(error).toBeInstanceOf(BundleRefusedError);
    expect((error as BundleRefusedError).report.findings.map((finding) => finding.code)).toEqual(['checksum-mismatch']);
    const invalid = writeHandMadeBundle(
      tempDir(),
      { entities: ENTITIES },
      (manifest) => (manifest.validation.errors = 1),
    );
    expect((await uploadError(target, { dir: invalid })).kind).toBe('bundle-refused');
    expect(target.requests()).toEqual([]);
  });

  it('refuses a base URL that would send the key over plain http to another computer', async () => {
    const error = await errorRejectedBy(() => upload(server, { baseUrl: 'http://balkan.example.com' }));
    expect(error.message).toMatch(/must start with https:\/\//);
  });
});
