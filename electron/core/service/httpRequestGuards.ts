// Request guards for the local HTTP transport: Host allowlist (DNS rebinding), same-origin check, per-run secret check.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The only Host header values the server answers to. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The only Origin header values accepted on /api (a missing Origin is fine: same-origin GETs omit it). */
export function allowedOrigins(port: number): ReadonlySet<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function hasAllowedHost(req: IncomingMessage, hosts: ReadonlySet<string>): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

export function hasAllowedOrigin(req: IncomingMessage, origins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origins.has(origin.toLowerCase());
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time comparison (hashing first makes the lengths equal, so length does not leak either). */
export function secretsMatch(candidate: string, secret: string): boolean {
  return timingSafeEqual(digest(candidate), digest(secret));
}

/** The secret from `Authorization: Bearer <secret>`, if present. */
export function bearerSecret(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Header secret for fetch calls; `?secret=` is accepted only where EventSource needs it (`allowQuery`). */
export function isAuthorised(req: IncomingMessage, url: URL, secret: string, allowQuery: boolean): boolean {
  const fromHeader = bearerSecret(req);
  if (fromHeader !== null) return secretsMatch(fromHeader, secret);
  const fromQuery = allowQuery ? url.searchParams.get('secret') : null;
  return fromQuery !== null && secretsMatch(fromQuery, secret);
}
