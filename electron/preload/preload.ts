// Sandboxed preload: exposes only window.oktaPrep.call and .onEvent over the two IPC channels, and .pathForFile.
// Must be bundled to one CommonJS file (sandboxed preloads cannot load ES modules or relative imports).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  RENDERER_BRIDGE_KEY,
  type OktaPrepBridge,
} from '../../shared/ipcChannels';

const bridge: OktaPrepBridge<File> = {
  call(method: string, params: unknown): Promise<unknown> {
    if (typeof method !== 'string') {
      return Promise.reject(new TypeError('oktaPrep.call: method must be a string'));
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, params);
  },
  pathForFile(file: File): string {
    const filePath = webUtils.getPathForFile(file);
    if (!filePath)
      throw new TypeError(
        `oktaPrep.pathForFile: ${file.name} is not a file on disk; open it from a folder or drop it from the ` +
          `file manager`,
      );
    return filePath;
  },
  onEvent(listener: (event: unknown) => void): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError('oktaPrep.onEvent: listener must be a function');
    }
    // Pass only the payload: the IpcRendererEvent carries `sender` (ipcRenderer itself) and must not leak.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(RENDERER_BRIDGE_KEY, bridge);
