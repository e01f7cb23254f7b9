// Tests for the app entry's lifecycle wiring, with the whole electron module replaced by fakes.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => void;

const fakes = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler[]>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly handlers = new Map<string, Handler[]>();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly maximize = vi.fn();
    readonly isMaximized = vi.fn(() => false);
    readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
    constructor(readonly options: Record<string, any>) {
      windows.push(this);
    }
    on(event: string, handler: Handler) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    once(event: string, handler: Handler) {
      return this.on(event, handler);
    }
    emit(event: string, ...args: unknown[]) {
      for (const handler of this.handlers.get(event) ?? []) handler(...args);
    }
    static getAllWindows() {
      return windows;
    }
  }
  const app = {
    isPackaged: true,
    getName: () => 'Okta Prep',
    getPath: vi.fn(() => '/nonexistent/okta-prep-test-user-data'),
    getAppPath: vi.fn(() => '/opt/okta-prep/app.asar'),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    on: vi.fn((event: string, handler: Handler) => {
      appHandlers.set(event, [...(appHandlers.get(event) ?? []), handler]);
      return app;
    }),
  };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  return {
    appHandlers,
    windows,
    emitApp(event: string, ...args: unknown[]) {
      for (const handler of appHandlers.get(event) ?? []) handler(...args);
    },
    electron: {
      app,
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      BrowserWindow: FakeWindow,
      nativeTheme: { shouldUseDarkColors: true },
      session: { defaultSession },
      shell: { openExternal: vi.fn(() => Promise.resolve()) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      net: { fetch: vi.fn() },
    },
  };
});

vi.mock('electron', () => fakes.electron);

const { app, session, shell, protocol } = fakes.electron;

async function startMain(): Promise<void> {
  vi.resetModules();
  const { startApp } = await import('../../electron/main/main');
  startApp();
  await new Promise((resolve) => setImmediate(resolve));
}

describe('main process entry', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    fakes.appHandlers.clear();
    fakes.windows.length = 0;
    app.requestSingleInstanceLock.mockReturnValue(true);
  });

  it('quits without creating a window when another instance holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    await startMain();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(fakes.windows).toHaveLength(0);
  });

  it('enables the sandbox and installs session guards before creating the window', async () => {
    await startMain();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    expect(fakes.windows).toHaveLength(1);
  });

  it('creates a sandboxed, hidden window with the preload and loads the built renderer', async () => {
    await startMain();
    const [window] = fakes.windows;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: path.join('/opt/okta-prep/app.asar', 'dist/electron/preload.cjs'),
        devTools: false,
      },
    });
    expect(window?.loadURL).toHaveBeenCalledExactlyOnceWith('app://okta-prep/index.html');
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalledOnce();
  });

  it('registers app:// as a privileged, secure scheme before ready; serves the renderer build', async () => {
    await startMain();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0]!,
    );
    expect(protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]![1] as (request: { url: string }) => Promise<Response>;
    const outside = await handler({ url: 'app://okta-prep/..%2F..%2Fetc%2Fpasswd' });
    expect(outside.status).toBe(404);
  });

  it('guards every new web contents against leaving the app', async () => {
    await startMain();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fakes.emitApp('web-contents-created', {}, contents);
    const events = contents.on.mock.calls.map(([event]) => event);
    expect(events).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    const navigate = contents.on.mock.calls.find(([event]) => event === 'will-navigate')?.[1];
    const allowed = { url: 'app://okta-prep/index.html#/browse', preventDefault: vi.fn() };
    const blocked = { url: 'https://evil.example/', preventDefault: vi.fn() };
    const fileUrl = {
      url: pathToFileURL(path.join('/opt/okta-prep/app.asar', 'dist/renderer/index.html')).href,
      preventDefault: vi.fn(),
    };
    navigate(allowed);
    navigate(blocked);
    navigate(fileUrl);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    expect(blocked.preventDefault).toHaveBeenCalledOnce();
    expect(fileUrl.preventDefault).toHaveBeenCalledOnce();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0];
    expect(openHandler({ url: 'https://developer.okta.com/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://developer.okta.com/');
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startMain();
    const [window] = fakes.windows;
    window?.isMinimized.mockReturnValue(true);
    fakes.emitApp('second-instance');
    expect(window?.restore).toHaveBeenCalledOnce();
    expect(window?.focus).toHaveBeenCalledOnce();
    expect(fakes.windows).toHaveLength(1);
  });

  it('quits when all windows close except on macOS', async () => {
    await startMain();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      fakes.emitApp('window-all-closed');
      expect(app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'linux' });
      fakes.emitApp('window-all-closed');
      expect(app.quit).toHaveBeenCalledOnce();
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });
});
