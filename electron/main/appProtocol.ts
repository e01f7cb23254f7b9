// The app:// scheme the window loads from instead of file://: app://okta-prep/<path> answers only with files inside
// the renderer build folder. A file:// page may read any local file it can name; an app:// page has one origin and
// can reach nothing outside its folder. Electron objects are passed in (never imported) so this is unit-testable.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { contentTypeFor, toRelativeStaticPath } from '../core/service/httpStaticFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'okta-prep';
/** The window's entry document. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For protocol.registerSchemesAsPrivileged: a standard scheme (real origin, relative URLs) that counts as secure. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const;

/**
 * Pure: the absolute path of the file `requestUrl` names inside `rendererRoot`, or null for anything else — another
 * scheme or host, `..` or hidden segments (encoded too), backslashes, NUL. `/` is the entry document.
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const relative = toRelativeStaticPath(url.pathname);
  if (relative === null) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** The slice of Electron's protocol module this needs. */
export interface AppProtocolRegistry {
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void;
}

/** Serves app:// from the renderer build: its own CSP and content type on every file, 404 for anything else. */
export function registerAppProtocol(
  protocol: AppProtocolRegistry,
  rendererRoot: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    const found = file === null ? null : await fetchFile(pathToFileURL(file).href).catch(() => null);
    if (file === null || !found?.ok)
      return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return new Response(found.body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
