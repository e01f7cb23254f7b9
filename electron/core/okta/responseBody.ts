// Reads an Okta answer's body with a size cap (a runaway or hostile answer must not exhaust memory) and parses it as
// JSON, telling apart a body cut short in transit (worth retrying) from one that is not JSON at all (not worth it).
import type { ReadableStreamReadResult } from 'node:stream/web';
import { OktaError } from './oktaErrors';

/** No Okta page comes near this (200 users with big profiles are a few MiB). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The body ended before what its Content-Length promised, or the connection dropped mid-body: safe to ask again. */
export class TruncatedBody extends Error {}

export interface BodyContext {
  orgUrl: string;
  /** Names the answer in messages, e.g. "a page of users". */
  what: string;
  maxBytes: number;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}

function tooLarge(context: BodyContext): OktaError {
  return new OktaError(
    'request',
    `${context.orgUrl} answered ${context.what} larger than ${formatBytes(context.maxBytes)}; Okta's pages ` +
      `are far smaller, so something between ` +
      'this machine and Okta (a proxy, a gateway, a wrong org URL) is sending something else. Check the org ' +
      'URL and the network, then retry.',
  );
}

/** The body as text, at most `maxBytes`: refused up front on a larger Content-Length, cancelled once it grows past. */
export async function readBodyText(response: Response, context: BodyContext): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > context.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(context);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new TruncatedBody(`the answer was cut off (${(error as Error).message})`);
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > context.maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(context);
    }
    chunks.push(chunk.value);
  }
  // A compressed answer's Content-Length counts the compressed bytes: only a plain one can be checked.
  const plain = (response.headers.get('content-encoding') ?? 'identity') === 'identity';
  if (plain && Number.isFinite(declared) && received !== declared)
    throw new TruncatedBody(`the answer held ${received} of the ${declared} bytes it announced`);
  return Buffer.concat(chunks).toString('utf8');
}

function looksLikeHtml(contentType: string | null, text: string): boolean {
  return /text\/html/i.test(contentType ?? '') || text.trimStart().startsWith('<');
}

/**
 * Parses a 2xx body; HTML (a captive portal, a proxy's login page) and other non-JSON fail plainly, without retries.
 */
export function parseJsonBody(
  text: string,
  contentType: string | null,
  context: Omit<BodyContext, 'maxBytes'>,
): unknown {
  if (looksLikeHtml(contentType, text)) {
    throw new OktaError(
      'request',
      `${context.orgUrl} answered ${context.what} with an HTML page instead of JSON — a captive portal, a ` +
        `proxy login or a wrong URL? Check the org URL and the network (sign in to the network's portal if ` +
        `there is one), then retry.`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OktaError(
      'request',
      // The body itself is not quoted: whatever sits in between might echo the request, token included.
      `${context.orgUrl} answered ${context.what} with ${text.length} characters that are not JSON; check the ` +
        `org URL and whether a proxy rewrites the answers, then retry.`,
    );
  }
}
