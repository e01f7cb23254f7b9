// Server-Sent Events for the local HTTP transport: each ServiceEvent as `event: <name>` + JSON data, with keep-alive
// comments.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceEvent } from '../../../shared/service/contract';
import type { ServiceEventSource } from './eventHub';
import { SECURITY_HEADERS } from './httpResponses';

export const DEFAULT_KEEP_ALIVE_MS = 15_000;
/** Browsers wait this long before reconnecting a dropped EventSource. */
const RECONNECT_DELAY_MS = 2_000;

/** One SSE frame. JSON.stringify never emits raw newlines, so `data` is always a single line. */
export function formatEventFrame(event: ServiceEvent): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Streams every published event to this response until the client goes away.
 * Returns a function that ends the stream (used when the server closes).
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: ServiceEventSource,
  keepAliveMs: number = DEFAULT_KEEP_ALIVE_MS,
): () => void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(`retry: ${RECONNECT_DELAY_MS}\n: connected\n\n`);
  req.socket.setNoDelay(true);

  const unsubscribe = events.subscribe((event) => {
    res.write(formatEventFrame(event));
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  keepAlive.unref();

  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(keepAlive);
    unsubscribe();
    if (!res.writableEnded) res.end();
  };
  req.once('close', end);
  res.once('close', end);
  res.once('error', end);
  return end;
}
