// Tests for the IPC adapter: trusted-frame check, forwarding calls to the dispatcher, forwarding events to the window.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipcChannels';
import { createEventHub } from '../../electron/core/service/eventHub';
import {
  createAppFrameCheck,
  forwardServiceEvents,
  registerServiceIpc,
  UNTRUSTED_FRAME_MESSAGE,
  type SenderFrame,
  type ServiceInvokeEvent,
} from '../../electron/main/ipcAdapter';
import type { JobState } from '../../shared/service/types';

// The adapter must not need the real electron module; make any accidental import fail loudly.
vi.mock('electron', () => {
  throw new Error('ipcAdapter must not import electron');
});

type InvokeListener = (event: ServiceInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const appUrl = pathToFileURL(path.join('/opt/okta-prep/app.asar', 'dist/renderer/index.html')).href;
const topFrame: SenderFrame = { url: `${appUrl}#/browse`, parent: null };

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  return {
    handlers,
    handle: vi.fn((channel: string, listener: InvokeListener) => {
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
}

function setup(isTrustedFrame = createAppFrameCheck(appUrl)) {
  const ipcMain = fakeIpcMain();
  const dispatch = vi.fn(async (method: unknown) => ({ ok: true as const, value: { echoed: method } }));
  const unregister = registerServiceIpc(ipcMain, dispatch, isTrustedFrame);
  const invoke = (frame: SenderFrame | null, ...args: unknown[]) =>
    ipcMain.handlers.get(IPC_CALL_CHANNEL)!({ senderFrame: frame }, ...args);
  return { ipcMain, dispatch, unregister, invoke };
}

const JOB: JobState = {
  id: 'job-7',
  kind: 'export',
  status: 'running',
  startedAt: '2024-01-01T00:00:00.000Z',
  progress: { phases: [], requests: 0, rateLimitWaits: [], elapsedMs: 5, rowsWritten: 10 },
};

describe('registerServiceIpc', () => {
  it('registers exactly one handler on the call channel and can unregister it', () => {
    const { ipcMain, unregister } = setup();
    expect(ipcMain.handle).toHaveBeenCalledOnce();
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe(IPC_CALL_CHANNEL);
    unregister();
    expect(ipcMain.removeHandler).toHaveBeenCalledExactlyOnceWith(IPC_CALL_CHANNEL);
  });

  it('forwards calls from the app top frame to the dispatcher and returns its result', async () => {
    const { dispatch, invoke } = setup();
    const params = { snapshotId: 1 };
    expect(await invoke(topFrame, 'snapshots.list', params)).toEqual({ ok: true, value: { echoed: 'snapshots.list' } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('snapshots.list', params);
  });

  it('refuses calls from untrusted frames without reaching the dispatcher', async () => {
    const { dispatch, invoke } = setup();
    const untrusted: (SenderFrame | null)[] = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: pathToFileURL('/tmp/other.html').href, parent: null },
      { url: appUrl, parent: topFrame },
      { url: 'devtools://devtools/bundled/index.html', parent: null },
    ];
    for (const frame of untrusted) {
      expect(await invoke(frame, 'app.info', {})).toEqual({
        ok: false,
        error: { code: 'UNTRUSTED_SENDER', message: UNTRUSTED_FRAME_MESSAGE },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('uses the injected frame check', async () => {
    const isTrustedFrame = vi.fn(() => false);
    const { dispatch, invoke } = setup(isTrustedFrame);
    const result = (await invoke(topFrame, 'app.info', {})) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(isTrustedFrame).toHaveBeenCalledExactlyOnceWith(topFrame);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('forwardServiceEvents', () => {
  function fakeContents() {
    const destroyedListeners: (() => void)[] = [];
    return {
      destroyed: false,
      send: vi.fn(),
      isDestroyed() {
        return this.destroyed;
      },
      once: vi.fn((_event: 'destroyed', listener: () => void) => {
        destroyedListeners.push(listener);
      }),
      destroy() {
        this.destroyed = true;
        destroyedListeners.forEach((listener) => listener());
      },
    };
  }

  it('sends each published event to the window on the event channel', () => {
    const hub = createEventHub();
    const contents = fakeContents();
    forwardServiceEvents(hub, contents);
    hub.publish({ name: 'job.updated', payload: JOB });
    expect(contents.send).toHaveBeenCalledExactlyOnceWith(IPC_EVENT_CHANNEL, { name: 'job.updated', payload: JOB });
  });

  it('stops forwarding when asked and when the window is destroyed', () => {
    const hub = createEventHub();
    const first = fakeContents();
    const second = fakeContents();
    const stop = forwardServiceEvents(hub, first);
    forwardServiceEvents(hub, second);
    expect(hub.listenerCount()).toBe(2);
    stop();
    second.destroy();
    expect(hub.listenerCount()).toBe(0);
    hub.publish({ name: 'job.updated', payload: JOB });
    expect(first.send).not.toHaveBeenCalled();
    expect(second.send).not.toHaveBeenCalled();
  });
});
