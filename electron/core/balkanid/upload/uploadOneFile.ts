// Sends one bundle file to BalkanID: POST {base}/api/rest/v0/{endpoint}/upload-url with the API key for a pre-signed
// URL, then PUT the file to that URL as the raw body. Each step retries what is safe to retry (retryPolicy.ts); an
// expired URL is replaced by a fresh one, once.
import { UPLOAD_ENDPOINTS, type UploadEvent } from '../../../../shared/balkanid/bundleUpload';
import type { BundleCsvKind } from '../../../../shared/balkanid/bundleCheck';
import type { BalkanIdApiKey } from './apiKey';
import { putOutcome, uploadUrlFromAnswer } from './answers';
import { exchange, type TimeLimits } from './httpExchange';
import { DEFAULT_RETRY_LIMITS, withRetries, type RetryLimits } from './retryPolicy';
import { BalkanIdUploadError } from './uploadErrors';

export interface UploadLimits {
  retry: RetryLimits;
  /** The request for an upload URL: a small JSON answer is due quickly. */
  post: TimeLimits;
  /** The upload itself: no overall limit on sending (a large file on a slow line), only on silence and the answer. */
  put: TimeLimits;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  retry: DEFAULT_RETRY_LIMITS,
  post: { idleMs: 30_000, answerMs: 60_000 },
  put: { idleMs: 60_000, answerMs: 120_000 },
};

export interface FileToUpload {
  kind: BundleCsvKind;
  name: string;
  path: string;
  bytes: number;
  sha256: string;
}

export interface FileUpload {
  baseUrl: string;
  apiKey: BalkanIdApiKey;
  file: FileToUpload;
  limits: UploadLimits;
  signal?: AbortSignal;
  onEvent: (event: UploadEvent) => void;
}

export async function uploadOneFile(upload: FileUpload): Promise<{ attempts: number; freshUrls: number }> {
  const { file, onEvent } = upload;
  let attempts = 0;
  for (let freshUrls = 0; ; freshUrls++) {
    onEvent({ stage: 'requesting-url', kind: file.kind, file: file.name });
    const target = await requestUploadUrl(upload);
    const outcome = await putFile(upload, target, () => ++attempts);
    if (outcome === 'stored') {
      onEvent({ stage: 'stored', kind: file.kind, file: file.name, bytes: file.bytes });
      return { attempts, freshUrls };
    }
    if (freshUrls >= 1)
      throw new BalkanIdUploadError(
        'expired-url',
        `the upload URL BalkanID gave for ${file.name} had expired when it was used, and so had a fresh one: ` +
          'is something on the way (a proxy) holding the upload back? Try again later.',
      );
    onEvent({ stage: 'fresh-url', kind: file.kind, file: file.name, reason: 'the upload URL had expired' });
  }
}

function requestUploadUrl(upload: FileUpload): Promise<URL> {
  const { file, limits, signal } = upload;
  const endpoint = new URL(`${upload.baseUrl}/api/rest/v0/${UPLOAD_ENDPOINTS[file.kind]}/upload-url`);
  const headers = {
    'X-Api-Key-ID': upload.apiKey.id,
    'X-Api-Key-Secret': upload.apiKey.secret,
    Accept: 'application/json',
    'Content-Length': 0,
  };
  return withRetries(
    async () =>
      uploadUrlFromAnswer(
        await exchange({ method: 'POST', url: endpoint, headers, limits: limits.post, signal }),
        endpoint,
        file.name,
      ),
    {
      limits: limits.retry,
      signal,
      onRetry: (notice) => upload.onEvent({ stage: 'retrying', kind: file.kind, file: file.name, ...notice }),
    },
  );
}

/**
 * The PUT carries no API key: the pre-signed URL is its own credential, and the storage behind it is not BalkanID's
 * API. No Content-Type either: a pre-signed URL may have signed none, and then any would be refused.
 */
function putFile(upload: FileUpload, target: URL, nextAttempt: () => number): Promise<'stored' | 'expired'> {
  const { file, limits, signal, onEvent } = upload;
  return withRetries(
    async () => {
      const attempt = nextAttempt();
      const sending = (sentBytes: number) =>
        onEvent({ stage: 'sending', kind: file.kind, file: file.name, sentBytes, totalBytes: file.bytes, attempt });
      const body = { path: file.path, name: file.name, bytes: file.bytes, sha256: file.sha256, onBytes: sending };
      const headers = { 'Content-Length': file.bytes };
      const answer = await exchange({ method: 'PUT', url: target, headers, body, limits: limits.put, signal });
      return putOutcome(answer, target, file.name);
    },
    {
      limits: limits.retry,
      signal,
      onRetry: (notice) => onEvent({ stage: 'retrying', kind: file.kind, file: file.name, ...notice }),
    },
  );
}
