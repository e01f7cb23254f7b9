// Test helpers for the HTTP transport: raw node:http requests (exact Host/path control), SSE frame parsing, an
// EventSource polyfill.
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Body sent in chunks with chunked transfer encoding (no Content-Length). */
  chunks?: Buffer[];
}

/** A request through node:http, so the path is sent exactly as given (fetch would normalise `/../`). */
export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: request.method ?? 'GET', path: request.path ?? '/', headers: request.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (request.chunks) {
      for (const chunk of request.chunks) if (!req.destroyed) req.write(chunk);
    } else if (request.body !== undefined) {
      req.write(request.body);
    }
    req.end();
  });
}

export interface SseFrame {
  event: string;
  data: string;
  comment: boolean;
}

/** Parses complete `\n\n`-terminated frames; returns them and the unparsed rest. */
export function parseSseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const lines = rest.slice(0, end).split('\n');
    rest = rest.slice(end + 2);
    const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
    const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
    frames.push({
      event,
      data: data.join('\n'),
      comment: lines.every((line) => line.startsWith(':') || line.startsWith('retry:')),
    });
  }
  return { frames, rest };
}

/** Reads SSE frames from a fetch Response body until `until` says stop. */
export async function readSseFrames(response: Response, until: (frames: SseFrame[]) => boolean): Promise<SseFrame[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: SseFrame[] = [];
  let buffer = '';
  try {
    while (!until(seen)) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parseSseFrames(buffer + value);
      buffer = parsed.rest;
      seen.push(...parsed.frames);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return seen;
}

/** Minimal EventSource stand-in for Node 20 (which has no global EventSource), built on fetch. */
export class FetchEventSource {
  static instances: FetchEventSource[] = [];
  readonly listeners = new Map<string, Set<(event: { data?: unknown }) => void>>();
  closed = false;
  private readonly controller = new AbortController();

  constructor(readonly url: string) {
    FetchEventSource.instances.push(this);
    void this.run();
  }

  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
  }

  private async run(): Promise<void> {
    try {
      const response = await fetch(this.url, {
        signal: this.controller.signal,
        headers: { Accept: 'text/event-stream' },
      });
      await readSseFrames(response, (frames) => {
        for (const frame of frames.splice(0)) {
          if (!frame.comment)
            for (const listener of this.listeners.get(frame.event) ?? []) listener({ data: frame.data });
        }
        return this.closed;
      });
    } catch {
      // Aborted by close(), or the server went away.
    }
  }
}
