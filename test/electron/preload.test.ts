// Tests for the preload bridge: exactly call, onEvent and pathForFile are exposed, forwarding to the shared IPC
// channels.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type OktaPrepBridge } from '../../shared/ipcChannels';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
  webUtils: {
    getPathForFile: vi.fn((file: { name: string }) => (file.name === 'in-memory.csv' ? '' : `/home/ada/${file.name}`)),
  },
}));

vi.mock('electron', () => electron);

async function loadBridge(): Promise<{ key: unknown; bridge: OktaPrepBridge<File> }> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../electron/preload/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [unknown, OktaPrepBridge<File>];
  return { key, bridge };
}

describe('preload bridge', () => {
  beforeEach(() => {
    for (const fn of Object.values(electron.ipcRenderer)) fn.mockReset();
  });

  it('uses the shared channel names', () => {
    expect(IPC_CALL_CHANNEL).toBe('okta-prep:call');
    expect(IPC_EVENT_CHANNEL).toBe('okta-prep:event');
  });

  it('gives the path of a file on disk for validation, and refuses a file that has none', async () => {
    const { bridge } = await loadBridge();
    expect(bridge.pathForFile({ name: 'entities.csv' } as File)).toBe('/home/ada/entities.csv');
    expect(() => bridge.pathForFile({ name: 'in-memory.csv' } as File)).toThrow(
      'oktaPrep.pathForFile: in-memory.csv is not a file on disk; open it from a folder or drop it from the ' +
        'file manager',
    );
  });

  it('exposes exactly call, onEvent and pathForFile as window.oktaPrep', async () => {
    const { key, bridge } = await loadBridge();
    expect(key).toBe('oktaPrep');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent', 'pathForFile']);
    expect(bridge.call).toBeTypeOf('function');
    expect(bridge.onEvent).toBeTypeOf('function');
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
  });

  it('call forwards method and params over the call channel and returns the reply', async () => {
    const { bridge } = await loadBridge();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 42 });
    await expect(bridge.call('listSnapshots', { limit: 5 })).resolves.toEqual({ ok: true, value: 42 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CALL_CHANNEL, 'listSnapshots', {
      limit: 5,
    });
  });

  it('call rejects a non-string method without touching IPC', async () => {
    const { bridge } = await loadBridge();
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow(TypeError);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('onEvent listens on the event channel and hands the listener only the payload', async () => {
    const { bridge } = await loadBridge();
    const listener = vi.fn();
    bridge.onEvent(listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledOnce();
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(channel).toBe(IPC_EVENT_CHANNEL);
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0, ports: [] };
    forward(ipcEvent, { type: 'job.progress', done: 3 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'job.progress', done: 3 });
  });

  it('onEvent returns an unsubscribe that removes the same listener from the event channel', async () => {
    const { bridge } = await loadBridge();
    const unsubscribe = bridge.onEvent(vi.fn());
    const forward = electron.ipcRenderer.on.mock.calls[0]?.[1];
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(IPC_EVENT_CHANNEL, forward);
  });

  it('onEvent rejects a non-function listener', async () => {
    const { bridge } = await loadBridge();
    expect(() => bridge.onEvent('nope' as unknown as () => void)).toThrow(TypeError);
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
