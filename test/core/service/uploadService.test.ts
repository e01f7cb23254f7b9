// The service's upload methods over a real data folder, against the fake BalkanID: an upload job with progress
// events, the key remembered only when asked (and only once BalkanID accepted it), refused bundles with their
// findings — and the secret in no result, event or error.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../../shared/service/contract';
import type { JobState } from '../../../shared/service/types';
import { startFakeBalkanIdServer, type FakeBalkanIdServer } from '../../../electron/core/fake-balkanid/server';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { MemorySecretStore } from '../../../electron/core/service/secretStore';
import { ENTITIES, RELATIONS, writeHandMadeBundle } from '../../helpers/handMadeBundle';
import { serviceOverFolder, type ServiceOverFolder } from '../../helpers/serviceOverFolder';
import { useTempDirs } from '../../helpers/tempDir';
import { waitForJob } from '../../helpers/waitForJob';

const KEY_ID = 'service-key-id';
const SECRET = 'service-balkanid-SECRET-2b7c';
const tempDir = useTempDirs();
let balkanId: FakeBalkanIdServer;
let running: ServiceOverFolder;
let secrets: MemorySecretStore;
let dispatch: ReturnType<typeof createDispatcher>;
let bundle: string;
const events: ServiceEvent[] = [];

async function call(method: string, params: unknown): Promise<any> {
  const result = await dispatch(method, params);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

async function uploadAndWait(params: Record<string, unknown>): Promise<JobState> {
  const started: JobState = await call('upload.start', params);
  return waitForJob(() => call('jobs.list', {}), started.id);
}

beforeAll(async () => {
  balkanId = await startFakeBalkanIdServer({ apiKeyId: KEY_ID, apiKeySecret: SECRET });
  secrets = new MemorySecretStore();
  running = serviceOverFolder(tempDir(), { secrets });
  running.events.subscribe((event) => events.push(event));
  dispatch = createDispatcher(running.service, { logger: () => undefined });
  bundle = writeHandMadeBundle(path.join(tempDir(), 'bundle'), { entities: ENTITIES, relations: RELATIONS });
});
afterAll(async () => {
  await running?.service.close();
  running?.db.close();
  await balkanId?.close();
});

describe('the upload methods', () => {
  it('uploads a bundle as a job with progress, and keeps no key when not asked to', async () => {
    const job = await uploadAndWait({ dir: bundle, baseUrl: balkanId.url, apiKeyId: KEY_ID, apiKeySecret: SECRET });
    expect(job).toMatchObject({ kind: 'upload', status: 'complete' });
    expect((job.result as any).files.map((file: any) => [file.name, file.rows])).toEqual([
      ['entities.csv', 3],
      ['entity-relations.csv', 2],
    ]);
    // Progress events are throttled; the last one the job keeps is the last step.
    expect(job.progress.upload?.event).toMatchObject({ stage: 'stored', file: 'entity-relations.csv' });
    expect(events.some((event) => event.payload.id === job.id && event.payload.status === 'running')).toBe(true);
    expect(await secrets.get('balkanid-api-key')).toBeUndefined();
    expect(await call('upload.settings', {})).toMatchObject({
      hasStoredSecret: false,
      defaultBaseUrl: 'https://app.balkan.id',
    });
    expect(JSON.stringify([events, await call('jobs.list', {})])).not.toContain(SECRET);
  });

  it('remembers the key only once BalkanID accepted it, uses it without the secret, and forgets it', async () => {
    const wrong = await uploadAndWait({
      dir: bundle,
      baseUrl: balkanId.url,
      apiKeyId: KEY_ID,
      apiKeySecret: 'nope',
      remember: true,
    });
    expect(wrong.status).toBe('failed');
    expect(wrong.error?.code).toBe('BALKANID_AUTH');
    expect(await secrets.get('balkanid-api-key')).toBeUndefined();

    await uploadAndWait({ dir: bundle, baseUrl: balkanId.url, apiKeyId: KEY_ID, apiKeySecret: SECRET, remember: true });
    const settings = await call('upload.settings', {});
    expect(settings).toMatchObject({ hasStoredSecret: true, apiKeyId: KEY_ID, baseUrl: balkanId.url });
    expect(JSON.stringify(settings)).not.toContain(SECRET);

    const again = await uploadAndWait({ dir: bundle, baseUrl: balkanId.url, apiKeyId: KEY_ID });
    expect(again.status).toBe('complete');
    await expect(
      call('upload.start', { dir: bundle, baseUrl: 'https://balkan.example.com', apiKeyId: KEY_ID }),
    ).rejects.toThrow(/remembered API key is for http:\/\/127\.0\.0\.1/);

    expect(await call('upload.forgetKey', {})).toMatchObject({ hasStoredSecret: false });
    await expect(call('upload.start', { dir: bundle, baseUrl: balkanId.url, apiKeyId: KEY_ID })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/enter the BalkanID API key secret/),
    });
  });

  it('fails a refused bundle with its findings, sending nothing', async () => {
    const invalid = writeHandMadeBundle(path.join(tempDir(), 'invalid'), { entities: ENTITIES }, (manifest) => {
      manifest.validation.errors = 1;
    });
    const before = balkanId.requests().length;
    const job = await uploadAndWait({ dir: invalid, baseUrl: balkanId.url, apiKeyId: KEY_ID, apiKeySecret: SECRET });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('BUNDLE_REFUSED');
    expect((job.result as any).check.findings.map((finding: any) => finding.code)).toEqual(['validation-errors']);
    expect(balkanId.requests()).toHaveLength(before);
  });

  it('cancels a running upload at once (a job waiting on a BalkanID that never answers)', async () => {
    balkanId.misbehave(['hang-url']);
    try {
      const started: JobState = await call('upload.start', {
        dir: bundle,
        baseUrl: balkanId.url,
        apiKeyId: KEY_ID,
        apiKeySecret: SECRET,
      });
      await expect.poll(() => balkanId.requests().at(-1)?.path).toMatch(/upload-url$/);
      await call('jobs.cancel', { jobId: started.id });
      const job = await waitForJob(() => call('jobs.list', {}), started.id, { timeoutMs: 2000 });
      expect(job.status).toBe('cancelled');
      expect(job.error?.message).toMatch(/cancelled by the user/);
    } finally {
      balkanId.misbehave([]);
    }
  });

  it('checks a bundle on request, and wants a full path', async () => {
    const report = await call('upload.checkBundle', { dir: bundle });
    expect(report).toMatchObject({ ok: true, dir: bundle });
    await expect(call('upload.checkBundle', { dir: 'bundle' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
