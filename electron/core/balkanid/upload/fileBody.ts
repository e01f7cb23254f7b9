// Streams a checked bundle file as a request body: exactly the manifest's bytes, with backpressure and progress. The
// last chunk is held back until the whole file has been hashed: if the file changed since it was checked, the request
// is stopped before its body is complete, so the server never receives a whole body that differs from the manifest.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { BalkanIdUploadError } from './uploadErrors';

export interface FileBody {
  path: string;
  name: string;
  bytes: number;
  sha256: string;
  /** Bytes handed to the connection so far (called often: throttle what it does). */
  onBytes?: (sent: number) => void;
}

const CHUNK_BYTES = 256 * 1024;

export async function writeFileBody(request: ClientRequest, body: FileBody): Promise<void> {
  const hash = createHash('sha256');
  const stream = createReadStream(body.path, { highWaterMark: CHUNK_BYTES });
  request.once('close', () => stream.destroy());
  let read = 0;
  let sent = 0;
  let held: Buffer | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    read += chunk.length;
    if (read > body.bytes) break;
    hash.update(chunk);
    if (held) sent += await write(request, held);
    body.onBytes?.(sent);
    held = chunk;
  }
  stream.destroy();
  if (read !== body.bytes || hash.digest('hex') !== body.sha256) {
    throw new BalkanIdUploadError(
      'file-changed',
      `${body.name} changed on disk after it was checked; the upload of it was stopped before it was complete. ` +
        'Export the bundle again, leave the files alone while they upload, and upload again.',
    );
  }
  if (held) sent += await write(request, held);
  body.onBytes?.(sent);
  request.end();
}

/** Writes one chunk, waiting for the connection to drain when its buffer is full (or for the request to close). */
function write(request: ClientRequest, chunk: Buffer): Promise<number> {
  if (request.destroyed) return Promise.reject(new Error('the request was closed'));
  if (request.write(chunk)) return Promise.resolve(chunk.length);
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      request.off('close', onClose);
      resolve(chunk.length);
    };
    const onClose = () => {
      request.off('drain', onDrain);
      reject(new Error('the request was closed'));
    };
    request.once('drain', onDrain);
    request.once('close', onClose);
  });
}
