// IPC adapter: carries service calls from the app's own window to the dispatcher, and service events back to the
// window.
// Electron objects are passed in (never imported) so it is unit-testable with plain fakes.
import type { ServiceEvent } from '../../shared/service/contract';
import type { ServiceResult } from '../../shared/service/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipcChannels';
import type { Dispatch } from '../core/service/dispatcher';
import type { ServiceEventSource } from '../core/service/eventHub';
import { isAppUrl } from './securityHandlers';

/** The slice of Electron's WebFrameMain the frame check needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** The slice of Electron's IpcMainInvokeEvent the adapter needs. */
export interface ServiceInvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The slice of Electron's ipcMain the adapter needs. */
export interface ServiceIpcMain {
  handle(channel: string, listener: (event: ServiceInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The slice of Electron's WebContents the event forwarder needs. */
export interface EventTargetContents {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export const UNTRUSTED_FRAME_MESSAGE = 'service calls are only accepted from the Okta Prep window';

function refusal(): ServiceResult<never> {
  return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: UNTRUSTED_FRAME_MESSAGE } };
}

/** A frame check that accepts only the top-level frame showing the app's own entry document. */
export function createAppFrameCheck(appUrl: string): (frame: SenderFrame) => boolean {
  return (frame) => frame.parent === null && isAppUrl(frame.url, appUrl);
}

/**
 * One `ipcMain.handle` for every service method. Calls from any other frame (an iframe, a navigated-away page,
 * a destroyed frame) get a refusal value instead of reaching the dispatcher. Returns a function that unregisters it.
 */
export function registerServiceIpc(
  ipcMain: ServiceIpcMain,
  dispatch: Dispatch,
  isTrustedFrame: (frame: SenderFrame) => boolean,
): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method, params) => {
    const frame = event.senderFrame;
    if (frame === null || !isTrustedFrame(frame)) return refusal();
    return dispatch(method, params);
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/** Sends every service event to the window on IPC_EVENT_CHANNEL until it is destroyed. Returns a stop function. */
export function forwardServiceEvents(events: ServiceEventSource, webContents: EventTargetContents): () => void {
  const unsubscribe = events.subscribe((event: ServiceEvent) => {
    if (!webContents.isDestroyed()) webContents.send(IPC_EVENT_CHANNEL, event);
  });
  webContents.once('destroyed', unsubscribe);
  return unsubscribe;
}
