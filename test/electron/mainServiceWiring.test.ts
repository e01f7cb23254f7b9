// Tests that startApp({ createService }) wires the service to IPC before the window exists and forwards its events.
import { describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipcChannels';
import type { ServiceContext } from '../../electron/main/main';
import { METHOD_NAMES, type ServiceImplementation } from '../../shared/service/contract';
import type { JobState } from '../../shared/service/types';

const fakes = vi.hoisted(() => {
  const order: string[] = [];
  class FakeWindow {
    static all: FakeWindow[] = [];
    readonly webContents = { send: vi.fn(), isDestroyed: () => false, once: vi.fn() };
    constructor() {
      order.push('window');
      FakeWindow.all.push(this);
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    loadURL() {
      return Promise.resolve();
    }
    static getAllWindows() {
      return FakeWindow.all;
    }
  }
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const electron = {
    app: {
      isPackaged: true,
      getName: () => 'Okta Prep',
      getPath: () => '/nonexistent/okta-prep-test-user-data',
      getAppPath: () => '/opt/okta-prep/app.asar',
      requestSingleInstanceLock: () => true,
      enableSandbox: vi.fn(),
      quit: vi.fn(),
      whenReady: () => Promise.resolve(),
      on: vi.fn(),
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    ipcMain: {
      handle: vi.fn((channel: string, listener: (...args: unknown[]) => Promise<unknown>) => {
        order.push('ipc');
        handlers.set(channel, listener);
      }),
      removeHandler: vi.fn(),
    },
    nativeTheme: { shouldUseDarkColors: false },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
  };
  return { order, handlers, electron, FakeWindow };
});

vi.mock('electron', () => fakes.electron);

describe('startApp with a service', () => {
  it('registers the IPC handler before creating the window and forwards service events to it', async () => {
    const { startApp } = await import('../../electron/main/main');
    await new Promise((resolve) => setImmediate(resolve));
    fakes.order.length = 0;
    fakes.FakeWindow.all.length = 0;

    let context: ServiceContext | undefined;
    const service = Object.fromEntries(METHOD_NAMES.map((method) => [method, async () => ({ called: method })]));
    startApp({
      createService: async (received) => {
        context = received;
        return service as unknown as ServiceImplementation;
      },
    });
    await new Promise((resolve) => setImmediate(resolve));

    expect(fakes.order).toEqual(['ipc', 'window']);
    const handler = fakes.handlers.get(IPC_CALL_CHANNEL)!;
    const appUrl = 'app://okta-prep/index.html';
    expect(await handler({ senderFrame: { url: appUrl, parent: null } }, 'jobs.list', {})).toEqual({
      ok: true,
      value: { called: 'jobs.list' },
    });
    for (const url of ['https://evil.example/', 'file:///opt/okta-prep/app.asar/dist/renderer/index.html']) {
      expect(await handler({ senderFrame: { url, parent: null } }, 'jobs.list', {})).toMatchObject({ ok: false });
    }

    const job: JobState = {
      id: 'j',
      kind: 'pull',
      status: 'running',
      startedAt: '2024-01-01T00:00:00.000Z',
      progress: { phases: [], requests: 0, rateLimitWaits: [], elapsedMs: 0 },
    };
    context!.events.publish({ name: 'job.updated', payload: job });
    expect(fakes.FakeWindow.all[0]?.webContents.send).toHaveBeenCalledWith(
      IPC_EVENT_CHANNEL,
      expect.objectContaining({ name: 'job.updated' }),
    );
  });
});
