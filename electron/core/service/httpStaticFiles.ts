// Serves the browser build's static files for the local HTTP transport: no traversal, no directories, right content
// types.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { SECURITY_HEADERS, sendText } from './httpResponses';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const MISSING_BUILD_MESSAGE =
  'The Okta Prep browser app is not built. Run "npm run build:renderer" (or restart "okta-prep serve", which ' +
  'builds it when missing), then reload this page.';

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Decoded URL path → path relative to the static root, or null for anything suspicious. */
export function toRelativeStaticPath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // Refuse dot segments outright instead of normalising them away, and hidden files too.
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Absolute path of a regular file inside `staticDir` (symlinks resolved), or null. */
async function resolveStaticFile(staticDir: string, urlPath: string): Promise<string | null> {
  const relative = toRelativeStaticPath(urlPath);
  if (relative === null) return null;
  try {
    const root = await realpath(staticDir);
    const target = await realpath(path.join(root, relative));
    if (!isInside(root, target)) return null;
    return (await stat(target)).isFile() ? target : null;
  } catch {
    return null;
  }
}

export async function serveStaticFile(
  req: IncomingMessage,
  res: ServerResponse,
  staticDir: string | undefined,
  urlPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'method not allowed');
    return;
  }
  const file = staticDir === undefined ? null : await resolveStaticFile(staticDir, urlPath);
  if (file === null) {
    // The page itself missing means no browser build: say how to make one instead of a blank "not found".
    const isPage = toRelativeStaticPath(urlPath) === 'index.html';
    sendText(res, 404, isPage ? MISSING_BUILD_MESSAGE : 'not found');
    return;
  }
  const { size } = await stat(file);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
