// Pure builder for the main window's BrowserWindow options: the locked-down webPreferences live here.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled (CommonJS) preload script. */
  preloadPath: string;
  /** `nativeTheme.shouldUseDarkColors`; picks the background shown before the renderer paints. */
  darkMode: boolean;
  /** Whether DevTools may be opened (development builds only). Defaults to false. */
  allowDevTools?: boolean;
}

export const MAIN_WINDOW_BACKGROUND = { dark: '#16181d', light: '#ffffff' } as const;
export const MAIN_WINDOW_SIZE = { width: 1280, height: 820, minWidth: 960, minHeight: 640 } as const;

export function createMainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    title: 'Okta Prep',
    show: false,
    backgroundColor: input.darkMode ? MAIN_WINDOW_BACKGROUND.dark : MAIN_WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.allowDevTools ?? false,
    },
  };
}
