// Response helpers for the local HTTP transport: the security headers every response carries, plus JSON/text senders.
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../../shared/contentSecurityPolicy';

/** Same policy as the Electron window (see electron/main/securityHandlers.ts). */
export const HTTP_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HTTP_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** A short plain-text refusal (401, 403, 404, 413, …). `close` asks the client to drop the connection. */
export function sendText(res: ServerResponse, status: number, text: string, options: { close?: boolean } = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(options.close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}
