// A file that changed on disk after its check is never delivered whole: its last chunk is held back until the SHA-256
// of what was read is known, and the request is stopped instead.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../../../electron/core/balkanid/upload/httpExchange';
import { BalkanIdUploadError } from '../../../../electron/core/balkanid/upload/uploadErrors';
import { startFakeBalkanIdServer, type FakeBalkanIdServer } from '../../../../electron/core/fake-balkanid/server';
import { errorRejectedBy } from '../../../helpers/errorThrownBy';
import { useTempDirs } from '../../../helpers/tempDir';
import { createHash } from 'node:crypto';

const KEY = { id: 'key-id', secret: 'file-body-SECRET' };
const LIMITS = { idleMs: 2000, answerMs: 2000 };
const tempDir = useTempDirs();
let server: FakeBalkanIdServer;

beforeAll(async () => {
  server = await startFakeBalkanIdServer({ apiKeyId: KEY.id, apiKeySecret: KEY.secret });
});
afterAll(async () => {
  await server?.close();
});

async function uploadUrl(): Promise<URL> {
  const answer = await exchange({
    method: 'POST',
    url: new URL(`${server.url}/api/rest/v0/entities/upload-url`),
    headers: { 'X-Api-Key-ID': KEY.id, 'X-Api-Key-Secret': KEY.secret, 'Content-Length': 0 },
    limits: LIMITS,
  });
  return new URL((JSON.parse(answer.text) as { url: string }).url);
}

describe('writeFileBody', () => {
  it('stops a PUT whose file no longer has the checked SHA-256, before the server has the whole body', async () => {
    const file = path.join(tempDir(), 'entities.csv');
    const checked = Buffer.alloc(1024 * 1024, 'a'); // several chunks
    fs.writeFileSync(file, Buffer.concat([checked.subarray(0, -1), Buffer.from('b')])); // changed since its check
    const body = {
      path: file,
      name: 'entities.csv',
      bytes: checked.length,
      sha256: createHash('sha256').update(checked).digest('hex'),
    };
    const target = await uploadUrl();
    const error = await errorRejectedBy(() =>
      exchange({ method: 'PUT', url: target, headers: { 'Content-Length': body.bytes }, body, limits: LIMITS }),
    );
    expect((error as BalkanIdUploadError).kind).toBe('file-changed');
    expect(server.stored()).toEqual([]);

    fs.writeFileSync(file, checked); // as checked: delivered whole
    const answer = await exchange({
      method: 'PUT',
      url: await uploadUrl(),
      headers: { 'Content-Length': body.bytes },
      body,
      limits: LIMITS,
    });
    expect(answer.status).toBe(200);
    expect(server.stored().map((stored) => stored.sha256)).toEqual([body.sha256]);
  });
});
