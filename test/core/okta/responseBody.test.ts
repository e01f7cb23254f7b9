// The body reader on its own: a stream without Content-Length is cut off once it passes the cap, a Content-Length
// over the cap is refused before reading, a body shorter than announced counts as cut off (retryable), HTML is named.
import { describe, expect, it } from 'vitest';
import { OktaError } from '../../../electron/core/okta/oktaErrors';
import { parseJsonBody, readBodyText, TruncatedBody } from '../../../electron/core/okta/responseBody';

const context = { orgUrl: 'https://acme.okta.com', what: 'a page of users', maxBytes: 1024 };

/** An endless chunked body (no Content-Length), counting the chunks that were pulled from it. */
function endlessBody(): { response: Response; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(256).fill(0x20));
    },
  });
  return { response: new Response(stream), pulled: () => pulled };
}

describe('readBodyText', () => {
  it('stops reading a body without Content-Length as soon as it passes the cap', async () => {
    const { response, pulled } = endlessBody();
    await expect(readBodyText(response, context)).rejects.toThrow(
      /https:\/\/acme.okta.com answered a page of users larger than 1 KiB/,
    );
    expect(pulled()).toBeLessThan(10);
  });

  it('refuses a Content-Length over the cap before reading the body', async () => {
    const { response, pulled } = endlessBody();
    response.headers.set('content-length', '5000');
    await expect(readBodyText(response, context)).rejects.toBeInstanceOf(OktaError);
    expect(pulled()).toBeLessThanOrEqual(1); // a stream may pre-fetch one chunk; nothing is read
  });

  it('treats a body shorter than its Content-Length as cut off (worth retrying)', async () => {
    const response = new Response('[{"id":', { headers: { 'content-length': '100' } });
    await expect(readBodyText(response, context)).rejects.toBeInstanceOf(TruncatedBody);
  });

  it('returns a body within the cap', async () => {
    expect(await readBodyText(new Response('[{"id":"00u1"}]'), context)).toBe('[{"id":"00u1"}]');
  });
});

describe('parseJsonBody', () => {
  it('names an HTML page (by Content-Type or by its first character) as a portal or proxy answer', () => {
    expect(() => parseJsonBody('<html></html>', 'text/html', context)).toThrow(
      /HTML page instead of JSON — a captive portal/,
    );
    expect(() => parseJsonBody('  <!DOCTYPE html>', 'application/json', context)).toThrow(/HTML page instead of JSON/);
  });

  it('does not quote a body that is not JSON (it might echo the request)', () => {
    expect(() => parseJsonBody('SSWS secret-token-value', 'text/plain', context)).toThrow(
      /23 characters that are not JSON/,
    );
    expect(() => parseJsonBody('SSWS secret-token-value', 'text/plain', context)).not.toThrow(/secret/);
  });
});
