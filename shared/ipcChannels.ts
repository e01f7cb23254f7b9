// IPC channel names and the renderer bridge shape that the Electron main process and preload agree on.

/** Renderer → main request/response channel (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const IPC_CALL_CHANNEL = 'okta-prep:call';

/** Main → renderer push channel for service events (job progress and the like). */
export const IPC_EVENT_CHANNEL = 'okta-prep:event';

/** Name of the global the preload exposes in the renderer (`window.oktaPrep`). */
export const RENDERER_BRIDGE_KEY = 'oktaPrep';

/**
 * The whole surface the preload exposes to the renderer; nothing else from ipcRenderer leaks. `DroppedFile` is the
 * runtime's File type (shared/ has no DOM), named by the preload and the renderer.
 */
export interface OktaPrepBridge<DroppedFile> {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  /**
   * The path on disk of a file the user opened or dropped (Electron's webUtils.getPathForFile), so the service reads
   * it from disk instead of receiving its bytes. Throws for a File that is not on disk.
   */
  pathForFile(file: DroppedFile): string;
}
