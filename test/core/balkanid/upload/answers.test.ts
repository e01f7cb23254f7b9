// How BalkanID's and its storage's answers are read: the upload URL, expired URLs, storage refusals, redirects and odd
// bodies — with messages that name where, never a pre-signed URL's query.
import { describe, expect, it } from 'vitest';
import { putOutcome, uploadUrlFromAnswer } from '../../../../electron/core/balkanid/upload/answers';
import type { Answer } from '../../../../electron/core/balkanid/upload/httpExchange';
import { backoffMs, parseRetryAfter } from '../../../../electron/core/balkanid/upload/retryPolicy';
import { BalkanIdUploadError, TransientFailure } from '../../../../electron/core/balkanid/upload/uploadErrors';
import { errorThrownBy } from '../../../helpers/errorThrownBy';

const ENDPOINT = new URL('https://app.balkan.id/api/rest/v0/entities/upload-url');
const TARGET = new URL('https://bucket.s3.amazonaws.com/u/1?X-Amz-Signature=abc123secret&X-Amz-Expires=900');

function answer(status: number, text = '', headers: Answer['headers'] = {}): Answer {
  return { status, text, headers };
}
const s3Error = (code: string, message: string) => `<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

describe('the answer to POST …/upload-url', () => {
  it('gives the https upload URL from the JSON, and refuses plain http to another computer', () => {
    const url = uploadUrlFromAnswer(answer(200, JSON.stringify({ url: TARGET.href })), ENDPOINT, 'entities.csv');
    expect(url.href).toBe(TARGET.href);
    const plain = errorThrownBy(() =>
      uploadUrlFromAnswer(answer(200, '{"url":"http://bucket.example.com/u/1"}'), ENDPOINT, 'entities.csv'),
    ) as BalkanIdUploadError;
    expect(plain.kind).toBe('odd-answer');
    expect(plain.message).toMatch(/not https/);
  });

  it('says what is wrong with JSON without a url, text that is not JSON, and a 404', () => {
    const kinds = ['{"data":{}}', 'OK'].map((text) => {
      const error = errorThrownBy(() => uploadUrlFromAnswer(answer(200, text), ENDPOINT, 'entities.csv')) as Error;
      return error.message;
    });
    expect(kinds[0]).toMatch(/without an upload URL/);
    expect(kinds[1]).toMatch(/not JSON/);
    const missing = errorThrownBy(() => uploadUrlFromAnswer(answer(404), ENDPOINT, 'entities.csv')) as Error;
    expect(missing.message).toMatch(/does not exist \(HTTP 404\): check the base URL/);
  });

  it('does not follow a redirect, and names where it leads without its query', () => {
    const redirect = answer(302, '', { location: 'https://login.example.com/sso?session=s3cr3t-session' });
    const error = errorThrownBy(() => uploadUrlFromAnswer(redirect, ENDPOINT, 'entities.csv')) as Error;
    expect(error.message).toContain('redirects to https://login.example.com/sso');
    expect(error.message).not.toContain('s3cr3t-session');
  });

  it('makes 5xx and 429 transient (with Retry-After), and 401, 403, 413 final', () => {
    const busy = errorThrownBy(() =>
      uploadUrlFromAnswer(answer(429, '', { 'retry-after': '7' }), ENDPOINT, 'entities.csv'),
    );
    expect(busy).toBeInstanceOf(TransientFailure);
    expect((busy as TransientFailure).retryAfterMs).toBe(7000);
    expect(errorThrownBy(() => uploadUrlFromAnswer(answer(502), ENDPOINT, 'x.csv'))).toBeInstanceOf(TransientFailure);
    const finals = [401, 403, 413].map(
      (status) =>
        (errorThrownBy(() => uploadUrlFromAnswer(answer(status), ENDPOINT, 'x.csv')) as BalkanIdUploadError).kind,
    );
    expect(finals).toEqual(['auth', 'permission', 'too-large']);
  });
});

describe('the answer to a PUT to the upload URL', () => {
  it('tells an expired URL (S3 403 "Request has expired", 400 ExpiredToken) from other refusals', () => {
    expect(putOutcome(answer(200), TARGET, 'entities.csv')).toBe('stored');
    expect(putOutcome(answer(403, s3Error('AccessDenied', 'Request has expired')), TARGET, 'e.csv')).toBe('expired');
    expect(putOutcome(answer(400, s3Error('ExpiredToken', 'The token has expired')), TARGET, 'e.csv')).toBe('expired');
    const signature = s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match');
    const refused = errorThrownBy(() => putOutcome(answer(403, signature), TARGET, 'e.csv')) as BalkanIdUploadError;
    expect(refused.kind).toBe('storage-refused');
    expect(refused.message).toContain('HTTP 403 SignatureDoesNotMatch: The request signature we calculated');
    const odd = errorThrownBy(() => putOutcome(answer(400, '<html>bad</html>'), TARGET, 'e.csv')) as Error;
    expect(odd.message).toContain('bucket.s3.amazonaws.com');
    expect(odd.message).not.toContain('abc123secret');
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or an HTTP date, and keeps backoff within half to all of its step', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    const limits = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 3000, maxRetryAfterMs: 60_000 };
    expect([1, 2, 3].map((retry) => backoffMs(retry, limits, () => 0))).toEqual([500, 1000, 1500]);
    expect([1, 2, 3].map((retry) => backoffMs(retry, limits, () => 1))).toEqual([1000, 2000, 3000]);
  });
});
