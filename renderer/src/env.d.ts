// Build-time constants Vite defines for the renderer and the bridge the Electron preload exposes on window.
import type { OktaPrepBridge } from '../../shared/ipcChannels';

declare global {
  /** Chosen at build time in vite.config.ts: 'http' for the browser build, 'ipc' for the desktop app. */
  const __OKTA_PREP_TRANSPORT__: 'http' | 'ipc';
  interface Window {
    oktaPrep?: OktaPrepBridge<File>;
  }
}

export {};
