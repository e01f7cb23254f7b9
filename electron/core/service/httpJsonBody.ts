// Reads a JSON request body for the local HTTP transport: content-type check, streamed size limit, parse.
import type { IncomingMessage } from 'node:http';

/** Calls carry small JSON (the largest is a private key); files go to POST /api/upload, streamed to disk. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

export function isJsonContentType(header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const [mediaType] = header.split(';');
  return mediaType?.trim().toLowerCase() === 'application/json';
}

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

/** Collects the body chunk by chunk and gives up as soon as it passes `maxBytes` (the rest is never buffered). */
function collectBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, received)));
    req.once('error', reject);
  });
}

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    return { ok: false, status: 415, message: 'request body must be application/json' };
  }
  const length = declaredLength(req);
  if (length !== null && length > maxBytes) {
    return { ok: false, status: 413, message: `request body is larger than ${maxBytes} bytes` };
  }
  const body = await collectBody(req, maxBytes);
  if (body === 'too-large') return { ok: false, status: 413, message: `request body is larger than ${maxBytes} bytes` };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'request body is not valid JSON' };
  }
}
