// Files uploaded for validation: each request body is streamed into a private temp file (0600, in a 0700 folder of
// the service's own), counted as it arrives and cut off past the size limit; an upload id names it until it is used.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** 2 GiB: more than any entities / relations file BalkanID takes, small enough to stop a runaway upload. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** Uploads kept waiting for validate.upload; the window sends at most two and checks them at once. */
export const MAX_PENDING_UPLOADS = 8;

export type UploadOutcome = { ok: true; uploadId: string; bytes: number } | { ok: false; status: 413; message: string };

/** "2 GiB", "512 MiB", "1,000 bytes": the limit as a person reads it. */
export function formatByteLimit(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes.toLocaleString('en-US')} bytes`;
}

export function uploadTooLargeMessage(maxBytes: number): string {
  return (
    `the file is larger than this service's upload limit of ${formatByteLimit(maxBytes)}: check it with ` +
    `"okta-prep validate FILE" instead, or start "okta-prep serve --max-upload-bytes N" with a higher limit`
  );
}

export class UploadStore {
  private folder: Promise<string> | undefined;
  private readonly files = new Map<string, string>();

  constructor(readonly maxBytes: number = DEFAULT_MAX_UPLOAD_BYTES) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1)
      throw new Error(`the upload limit must be a whole number of bytes, not ${maxBytes}`);
  }

  /**
   * Streams `body` to a new temp file. A body over the limit — declared so, or counted past it — is read to its end
   * without being kept (so a browser still sending it gets the answer, not a reset connection; on 127.0.0.1 reading
   * is cheap), and any partial file is removed.
   */
  async receive(body: Readable, declaredBytes?: number): Promise<UploadOutcome> {
    if (declaredBytes !== undefined && declaredBytes > this.maxBytes) {
      await pipeline(body, new Writable({ write: (_chunk, _encoding, done) => done() }));
      return { ok: false, status: 413, message: uploadTooLargeMessage(this.maxBytes) };
    }
    const uploadId = randomBytes(18).toString('base64url');
    const file = path.join(await this.ensureFolder(), `${uploadId}.csv`);
    let bytes = 0;
    const limit = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        bytes += chunk.length;
        done(null, bytes > this.maxBytes ? undefined : chunk);
      },
    });
    try {
      await pipeline(body, limit, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await fsp.rm(file, { force: true });
      throw error;
    }
    if (bytes > this.maxBytes) {
      await fsp.rm(file, { force: true });
      return { ok: false, status: 413, message: uploadTooLargeMessage(this.maxBytes) };
    }
    this.files.set(uploadId, file);
    await this.dropOldestBeyond(MAX_PENDING_UPLOADS);
    return { ok: true, uploadId, bytes };
  }

  /** The file of an upload, handed over once: the caller deletes it with discard() when done. */
  take(uploadId: string): string | undefined {
    const file = this.files.get(uploadId);
    this.files.delete(uploadId);
    return file;
  }

  async discard(file: string): Promise<void> {
    await fsp.rm(file, { force: true });
  }

  /** Uploads never checked would otherwise pile up on disk until the service stops. */
  private async dropOldestBeyond(count: number): Promise<void> {
    for (const [uploadId, file] of this.files) {
      if (this.files.size <= count) return;
      this.files.delete(uploadId);
      await fsp.rm(file, { force: true });
    }
  }

  /** Removes every upload, used or not, and the folder. */
  async close(): Promise<void> {
    const folder = this.folder;
    this.folder = undefined;
    this.files.clear();
    if (folder) await fsp.rm(await folder, { recursive: true, force: true });
  }

  /** The folder uploads go to (created with mode 0700 on first use); exposed for tests. */
  ensureFolder(): Promise<string> {
    this.folder ??= fsp.mkdtemp(path.join(os.tmpdir(), 'okta-prep-uploads-'));
    return this.folder;
  }
}
