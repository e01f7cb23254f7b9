// Tests for the web-contents and session guards, driven with plain fakes instead of Electron objects.
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  installContentSecurityPolicy,
  installPermissionGuards,
  installSessionGuards,
  installWebContentsGuards,
  isAppUrl,
  isSafeExternalUrl,
  withContentSecurityPolicy,
  type GuardedSession,
  type GuardedWebContents,
  type ResponseHeaders,
  type WindowOpenDecision,
} from '../../electron/main/securityHandlers';

vi.mock('electron', () => {
  throw new Error('securityHandlers must take Electron objects as parameters, not import electron');
});

const APP_URL = 'file:///opt/okta-prep/resources/app.asar/dist/renderer/index.html';

type Listener = (event: { url: string; preventDefault(): void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => WindowOpenDecision) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision) {
      windowOpenHandler = handler;
    },
  };
  /** Emit `event` with a fake Electron event; returns whether any listener called preventDefault. */
  function emit(event: string, url = ''): boolean {
    const registered = listeners.get(event) ?? [];
    expect(registered.length, `no listener for ${event}`).toBeGreaterThan(0);
    let prevented = false;
    for (const listener of registered) listener({ url, preventDefault: () => void (prevented = true) });
    return prevented;
  }
  function openWindow(url: string): WindowOpenDecision {
    if (!windowOpenHandler) throw new Error('no window open handler installed');
    return windowOpenHandler({ url });
  }
  return { contents: contents as GuardedWebContents, emit, openWindow };
}

function installedContents() {
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const fake = fakeWebContents();
  installWebContentsGuards(fake.contents, { appUrl: APP_URL, openExternal });
  return { ...fake, openExternal };
}

function fakeSession() {
  const session = {
    setPermissionRequestHandler: vi.fn<GuardedSession['setPermissionRequestHandler']>(),
    setPermissionCheckHandler: vi.fn<GuardedSession['setPermissionCheckHandler']>(),
    webRequest: { onHeadersReceived: vi.fn<GuardedSession['webRequest']['onHeadersReceived']>() },
  };
  return session;
}

function respond(session: ReturnType<typeof fakeSession>, headers?: Record<string, string[]>): ResponseHeaders {
  const listener = session.webRequest.onHeadersReceived.mock.calls[0]?.[0];
  if (!listener) throw new Error('no onHeadersReceived listener installed');
  let result: ResponseHeaders | undefined;
  listener(headers ? { responseHeaders: headers } : {}, (response) => (result = response.responseHeaders));
  if (!result) throw new Error('listener did not return response headers');
  return result;
}

describe('isAppUrl', () => {
  it('accepts the app entry document, with any query or hash', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/browse/users`, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?tab=2`, APP_URL)).toBe(true);
  });

  it('rejects other files, other schemes, other origins and garbage', () => {
    expect(isAppUrl('file:///etc/passwd', APP_URL)).toBe(false);
    expect(isAppUrl('file:///opt/okta-prep/resources/app.asar/dist/renderer/other.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://example.okta.com/', APP_URL)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });

  it('accepts any page of the app:// host and nothing of another host or scheme', () => {
    const app = 'app://okta-prep/index.html';
    expect(isAppUrl('app://okta-prep/index.html#/validate', app)).toBe(true);
    expect(isAppUrl('app://okta-prep/assets/x.js', app)).toBe(true);
    expect(isAppUrl('app://other/index.html', app)).toBe(false);
    expect(isAppUrl('file:///opt/okta-prep/index.html', app)).toBe(false);
    expect(isAppUrl('https://okta-prep/index.html', app)).toBe(false);
  });

  it('compares origins for http(s) app URLs (dev server)', () => {
    const dev = 'http://127.0.0.1:5173/index.html';
    expect(isAppUrl('http://127.0.0.1:5173/some/route', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another origin is prevented', (event) => {
    const { emit } = installedContents();
    expect(emit(event, 'https://evil.example/')).toBe(true);
    expect(emit(event, 'file:///etc/passwd')).toBe(true);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within the app is allowed', (event) => {
    const { emit } = installedContents();
    expect(emit(event, APP_URL)).toBe(false);
    expect(emit(event, `${APP_URL}#/export`)).toBe(false);
  });
});

describe('window open guard', () => {
  it('denies every new window', () => {
    const { openWindow } = installedContents();
    for (const url of [
      'https://developer.okta.com/',
      'http://example.com/',
      'file:///etc/passwd',
      APP_URL,
      'about:blank',
    ]) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it('passes only https URLs to openExternal', () => {
    const { openWindow, openExternal } = installedContents();
    openWindow('https://developer.okta.com/docs/');
    openWindow('http://example.com/');
    openWindow('file:///etc/passwd');
    openWindow('javascript:alert(1)');
    openWindow('smb://host/share');
    openWindow('not a url');
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://developer.okta.com/docs/');
  });

  it('swallows an openExternal failure instead of leaving an unhandled rejection', async () => {
    const fake = fakeWebContents();
    const openExternal = vi.fn(() => Promise.reject(new Error('no browser')));
    installWebContentsGuards(fake.contents, { appUrl: APP_URL, openExternal });
    expect(fake.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('isSafeExternalUrl accepts only https', () => {
    expect(isSafeExternalUrl('https://example.com/a?b#c')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.COM/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/')).toBe(false);
    expect(isSafeExternalUrl('mailto:a@example.com')).toBe(false);
    expect(isSafeExternalUrl('')).toBe(false);
  });
});

describe('webview guard', () => {
  it('prevents every webview attachment', () => {
    const { emit } = installedContents();
    expect(emit('will-attach-webview')).toBe(true);
  });
});

describe('permission guards', () => {
  it('answers every permission request with false', () => {
    const session = fakeSession();
    installPermissionGuards(session);
    const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    expect(handler).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      const callback = vi.fn();
      handler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', () => {
    const session = fakeSession();
    installPermissionGuards(session);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    for (const permission of ['media', 'fullscreen', 'clipboard-sanitized-write', 'usb']) {
      expect(check?.(null, permission)).toBe(false);
    }
  });
});

describe('content security policy', () => {
  it('is the strict policy from the design', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  it('is added to every response and contains script-src self', () => {
    const session = fakeSession();
    installContentSecurityPolicy(session);
    const headers = respond(session, { 'Content-Type': ['text/html'] });
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(String(headers['Content-Security-Policy'])).toContain("script-src 'self'");
    expect(respond(session)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('replaces a weaker policy sent in any header casing', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["script-src * 'unsafe-eval'"] });
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('installSessionGuards installs both the permission guards and the CSP', () => {
    const session = fakeSession();
    installSessionGuards(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
  });
});
