// ServiceTransport for the browser build: POST /api/call with a bearer secret, events over EventSource on /api/events,
// and files for validation streamed as the raw body of POST /api/upload.
// Only web platform globals (fetch, URL, Blob; EventSource injectable), which Node has too, so tests run it there.
import type { EventName, ServiceEvent } from '../../../shared/service/contract';
import type { ServiceResult } from '../../../shared/service/errors';
import { isServiceEvent } from '../../../shared/service/client';
import type { UploadReceipt } from '../../../shared/service/types';

/** Every ServiceEvents name; the SSE stream tags frames with these (`event: <name>`). */
export const EVENT_NAMES = ['job.updated'] as const satisfies readonly EventName[];
type MissingEvent = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const _everyEventListed: MissingEvent extends never ? true : MissingEvent = true;
void _everyEventListed;

/** The slice of EventSource the transport uses (lets tests pass a polyfill). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}
export type EventSourceConstructor = new (url: string) => EventSourceLike;

export interface HttpClientTransportOptions {
  /** Absolute origin of the local server, e.g. `location.origin`. */
  baseUrl: string;
  secret: string;
  fetch?: typeof fetch;
  EventSource?: EventSourceConstructor;
}

/** The secret from the page URL's fragment (`#secret=…`), as put there by the HTTP transport. */
export function parseSecretFromHash(hash: string): string | null {
  const secret = new URLSearchParams(hash.replace(/^#/, '')).get('secret');
  return secret === null || secret === '' ? null : secret;
}

function transportFailure(message: string): ServiceResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function describeStatus(status: number): string {
  if (status === 401)
    return 'the local server refused the call: the session secret is missing or wrong (reopen the link it printed)';
  if (status === 413) return 'the request is too large for the local server';
  return `the local server answered HTTP ${status}`;
}

function reportListenerError(error: unknown): void {
  // Surface it without stopping delivery to the remaining listeners.
  setTimeout(() => {
    throw error;
  }, 0);
}

/** Fits ServiceTransport (shared/service/client.ts), with the precise types this transport guarantees. */
export interface HttpClientTransport {
  call(method: string, params: unknown): Promise<ServiceResult<unknown>>;
  onEvent(listener: (event: ServiceEvent) => void): () => void;
  /** Streams a file (a File or Blob is read from disk by the browser, not loaded whole) to the service. */
  upload(file: Blob): Promise<ServiceResult<UploadReceipt>>;
  /** A call's whole answer as a CSV file (POST /api/csv: findings, a comparison), with the name the service gave. */
  downloadCsv(method: string, params: unknown): Promise<ServiceResult<CsvDownloadFile>>;
}

export interface CsvDownloadFile {
  blob: Blob;
  fileName: string;
}

/** The file name from `Content-Disposition: attachment; filename="…"`. */
function attachmentName(header: string | null): string {
  return /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? 'okta-prep.csv';
}

export function createHttpClientTransport(options: HttpClientTransportOptions): HttpClientTransport {
  const post = poster(options);
  const callUrl = new URL('/api/call', options.baseUrl).href;
  const uploadUrl = new URL('/api/upload', options.baseUrl).href;

  async function call(method: string, params: unknown): Promise<ServiceResult<unknown>> {
    const response = await post(callUrl, 'application/json', JSON.stringify({ method, params }));
    if (!response) return transportFailure('could not reach the local Okta Prep server');
    if (response.status !== 200) return transportFailure(describeStatus(response.status));
    try {
      return (await response.json()) as ServiceResult<unknown>;
    } catch {
      return transportFailure('the local server sent a response that is not JSON');
    }
  }

  async function upload(file: Blob): Promise<ServiceResult<UploadReceipt>> {
    const response = await post(uploadUrl, 'application/octet-stream', file);
    if (!response) return transportFailure('could not reach the local Okta Prep server to upload the file');
    // A refused upload (413: too large) carries the service's own explanation as plain text.
    if (response.status === 413) return { ok: false, error: { code: 'BAD_INPUT', message: await response.text() } };
    if (response.status !== 200) return transportFailure(describeStatus(response.status));
    return { ok: true, value: (await response.json()) as UploadReceipt };
  }

  const downloadCsv = csvDownloader(post, new URL('/api/csv', options.baseUrl).href);

  return { call, onEvent: eventSubscriber(options), upload, downloadCsv };
}

/** POST /api/csv: a call's whole answer as a file, or the service's reason for refusing it. */
function csvDownloader(post: ReturnType<typeof poster>, csvUrl: string): HttpClientTransport['downloadCsv'] {
  return async (method: string, params: unknown): Promise<ServiceResult<CsvDownloadFile>> => {
    const response = await post(csvUrl, 'application/json', JSON.stringify({ method, params }));
    if (!response) return transportFailure('could not reach the local Okta Prep server for the CSV file');
    // A refused download (400, 404) carries the service's own explanation as plain text.
    if (response.status === 400 || response.status === 404)
      return { ok: false, error: { code: 'BAD_INPUT', message: await response.text() } };
    if (response.status !== 200) return transportFailure(describeStatus(response.status));
    try {
      const fileName = attachmentName(response.headers.get('Content-Disposition'));
      return { ok: true, value: { blob: await response.blob(), fileName } };
    } catch {
      return transportFailure('the CSV file stopped part-way: nothing was saved, try again');
    }
  };
}

/** POSTs with the session secret and nothing else of the page's (no cookies, no referrer, no cache); undefined when
 *  the server cannot be reached. */
function poster({ secret, fetch: fetchOption }: HttpClientTransportOptions) {
  const fetchImpl = fetchOption ?? globalThis.fetch.bind(globalThis);
  return async (url: string, contentType: string, body: string | Blob): Promise<Response | undefined> => {
    try {
      return await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': contentType, Authorization: `Bearer ${secret}` },
        body,
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      return undefined;
    }
  };
}

/** onEvent: one EventSource while anyone listens, closed when the last listener leaves. */
function eventSubscriber(options: HttpClientTransportOptions): HttpClientTransport['onEvent'] {
  const eventsUrl = new URL(`/api/events?secret=${encodeURIComponent(options.secret)}`, options.baseUrl).href;
  const listeners = new Set<(event: ServiceEvent) => void>();
  let source: EventSourceLike | null = null;

  function openSource(): EventSourceLike {
    const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
    const opened = new EventSourceImpl(eventsUrl);
    for (const name of EVENT_NAMES) opened.addEventListener(name, (frame) => deliver(frame, listeners));
    return opened;
  }

  return (listener) => {
    const entry = (event: ServiceEvent): void => listener(event);
    listeners.add(entry);
    source ??= openSource();
    return () => {
      listeners.delete(entry);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}

function deliver(frame: { data?: unknown }, listeners: Set<(event: ServiceEvent) => void>): void {
  let event: unknown;
  try {
    event = JSON.parse(String(frame.data));
  } catch {
    return;
  }
  if (!isServiceEvent(event)) return;
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      reportListenerError(error);
    }
  }
}
