// Security guards for Electron web contents and sessions: no navigation, windows, webviews or permissions; strict CSP.
// Electron objects are passed in (never imported) so every guard is unit-testable with plain fakes.

import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';

export { CONTENT_SECURITY_POLICY };

/** The part of an Electron navigation / attach event the guards use. */
export interface GuardEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends GuardEvent {
  /** Target URL (Electron ≥ 25 puts it on the event; the positional `url` argument is deprecated). */
  url: string;
}

export type WindowOpenDecision = { action: 'deny' };

/** The slice of `Electron.WebContents` the guards need. */
export interface GuardedWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: GuardEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision): void;
}

export type ResponseHeaders = Record<string, string | string[]>;

/** The slice of `Electron.Session` the guards need. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

export interface WebContentsGuardOptions {
  /** URL of the app's own entry document, `app://okta-prep/index.html` (see appProtocol.ts). */
  appUrl: string;
  /** `shell.openExternal`; only ever called with https URLs. */
  openExternal: (url: string) => Promise<void>;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * True when `candidate` belongs to the app itself. http(s) compares origins, app:// its host; `file:` URLs have opaque
 * origins, so only the app's own entry document (any query or hash) counts as "same origin".
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  const target = parseUrl(candidate);
  const app = parseUrl(appUrl);
  if (!target || !app || target.protocol !== app.protocol) return false;
  if (app.protocol === 'file:') return target.host === app.host && target.pathname === app.pathname;
  // A custom standard scheme (app://okta-prep/…) has an opaque origin in the URL parser: compare scheme and host.
  if (app.origin === 'null') return app.host !== '' && target.host === app.host;
  return target.origin === app.origin;
}

/** Only well-formed https URLs may be handed to the OS browser. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.hostname !== '';
}

/** Cancel every main-frame, sub-frame and redirect navigation that leaves the app. */
export function installNavigationGuards(contents: GuardedWebContents, appUrl: string): void {
  const guard = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
}

/** Never open a new Electron window; https links go to the OS browser instead. */
export function installWindowOpenGuard(
  contents: GuardedWebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      openExternal(url).catch(() => undefined);
    }
    return { action: 'deny' };
  });
}

/** Refuse every `<webview>` (webviewTag is already off; this is the second lock). */
export function installWebviewGuard(contents: GuardedWebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** All per-WebContents guards; call from `app.on('web-contents-created')` so every contents gets them. */
export function installWebContentsGuards(contents: GuardedWebContents, options: WebContentsGuardOptions): void {
  installNavigationGuards(contents, options.appUrl);
  installWindowOpenGuard(contents, options.openExternal);
  installWebviewGuard(contents);
}

/** Deny every permission request and answer every permission check with "no". */
export function installPermissionGuards(session: GuardedSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Copy of `headers` with any Content-Security-Policy (any casing) replaced by `policy`. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/** Attach the strict CSP header to every response the session receives. */
export function installContentSecurityPolicy(session: GuardedSession, policy: string = CONTENT_SECURITY_POLICY): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}

/** All per-session guards; call once on `session.defaultSession` before the first window is created. */
export function installSessionGuards(session: GuardedSession): void {
  installPermissionGuards(session);
  installContentSecurityPolicy(session);
}
