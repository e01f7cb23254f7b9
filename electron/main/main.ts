// Electron app entry: single instance, sandbox everywhere, one locked-down window showing the built renderer.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, nativeTheme, session, shell } from 'electron';
import { installSessionGuards, installWebContentsGuards } from './securityHandlers';
import { createMainWindowOptions } from './windowOptions';

/** Build outputs, relative to the app root (`app.getAppPath()`, i.e. the asar in a packaged app). */
export const RENDERER_ENTRY = 'dist/renderer/index.html';
export const PRELOAD_ENTRY = 'dist/electron/preload.cjs';

let mainWindow: BrowserWindow | null = null;

function fromAppRoot(relativePath: string): string {
  return path.join(app.getAppPath(), relativePath);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    createMainWindowOptions({
      preloadPath: fromAppRoot(PRELOAD_ENTRY),
      darkMode: nativeTheme.shouldUseDarkColors,
      allowDevTools: !app.isPackaged,
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadFile(fromAppRoot(RENDERER_ENTRY)).catch((error: unknown) => {
    console.error('Okta Prep: could not load the renderer:', error);
  });
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function onReady(): void {
  installSessionGuards(session.defaultSession);
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  const appUrl = pathToFileURL(fromAppRoot(RENDERER_ENTRY)).href;
  app.on('web-contents-created', (_event, contents) => {
    installWebContentsGuards(contents, { appUrl, openExternal: (url) => shell.openExternal(url) });
  });
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(onReady, (error: unknown) => {
    console.error('Okta Prep: failed to start:', error);
    app.quit();
  });
}

startApp();
