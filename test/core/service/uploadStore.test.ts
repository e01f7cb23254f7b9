// The upload store on its own: exact byte counts, the limit at its edge, one hand-over per upload, and a cap on
// uploads nobody checks.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { formatByteLimit, MAX_PENDING_UPLOADS, UploadStore } from '../../../electron/core/service/uploadStore';

const stores: UploadStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
function newStore(maxBytes?: number): UploadStore {
  const store = new UploadStore(maxBytes);
  stores.push(store);
  return store;
}

describe('UploadStore', () => {
  it('accepts a body of exactly the limit, refuses one byte more, and hands each upload over once', async () => {
    const store = newStore(10);
    const fits = await store.receive(Readable.from([Buffer.from('12345'), Buffer.from('67890')]));
    expect(fits).toMatchObject({ ok: true, bytes: 10 });
    const over = await store.receive(Readable.from([Buffer.from('12345'), Buffer.from('678901')]));
    expect(over).toMatchObject({ ok: false, status: 413 });
    const file = store.take((fits as { uploadId: string }).uploadId)!;
    expect(fs.readFileSync(file, 'utf8')).toBe('1234567890');
    expect(store.take((fits as { uploadId: string }).uploadId)).toBeUndefined();
    expect(fs.readdirSync(await store.ensureFolder())).toEqual([file.split('/').at(-1)]); // the refused one is gone
  });

  it('keeps only the newest uploads nobody checked', async () => {
    const store = newStore();
    const ids: string[] = [];
    for (let i = 0; i <= MAX_PENDING_UPLOADS; i++)
      ids.push(((await store.receive(Readable.from([Buffer.from(`file ${i}`)]))) as { uploadId: string }).uploadId);
    expect(fs.readdirSync(await store.ensureFolder())).toHaveLength(MAX_PENDING_UPLOADS);
    expect(store.take(ids[0]!)).toBeUndefined();
    expect(fs.readFileSync(store.take(ids.at(-1)!)!, 'utf8')).toBe(`file ${MAX_PENDING_UPLOADS}`);
  });

  it('removes the folder on close, and names limits as people read them', async () => {
    const store = newStore();
    const folder = await store.ensureFolder();
    await store.close();
    expect(fs.existsSync(folder)).toBe(false);
    expect([
      formatByteLimit(2 * 1024 ** 3),
      formatByteLimit(512 * 1024 ** 2),
      formatByteLimit(256 * 1024),
      formatByteLimit(1000),
    ]).toEqual(['2 GiB', '512 MiB', '256 KiB', '1,000 bytes']);
    expect(() => new UploadStore(0)).toThrow('the upload limit must be a whole number of bytes, not 0');
  });
});
