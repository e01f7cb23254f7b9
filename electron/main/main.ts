// Electron app entry: single instance, sandbox everywhere, one locked-down window showing the built renderer.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeTheme, net, protocol, screen, session, shell } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './appProtocol';
import { applicationMenuTemplate, HELP_URL } from './applicationMenu';
import { readWindowState, restorableBounds, writeWindowState } from './windowState';
import type { ServiceImplementation } from '../../shared/service/contract';
import { createDispatcher } from '../core/service/dispatcher';
import { createEventHub, type EventHub } from '../core/service/eventHub';
import { createAppFrameCheck, forwardServiceEvents, registerServiceIpc } from './ipcAdapter';
import { installSessionGuards, installWebContentsGuards } from './securityHandlers';
import { createMainWindowOptions } from './windowOptions';
import { openSnapshotFromMenu } from './openSnapshotMenu';

/** Build outputs, relative to the app root (`app.getAppPath()`, i.e. the asar in a packaged app). */
export const RENDERER_FOLDER = 'dist/renderer';
export const PRELOAD_ENTRY = 'dist/electron/preload.cjs';

/** What the service factory receives: the hub it publishes job progress on (forwarded to the window). */
export interface ServiceContext {
  events: EventHub;
}
export type ServiceFactory = (context: ServiceContext) => ServiceImplementation | Promise<ServiceImplementation>;

export interface StartAppOptions {
  /** Builds the service the window talks to over IPC. Without it the window starts with no service channel. */
  createService?: ServiceFactory;
}

let mainWindow: BrowserWindow | null = null;
let serviceEvents: EventHub | null = null;
let runningService: ServiceImplementation | null = null;

function fromAppRoot(relativePath: string): string {
  return path.join(app.getAppPath(), relativePath);
}

function createMainWindow(): BrowserWindow {
  const saved = readWindowState(app.getPath('userData'));
  const bounds = restorableBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...createMainWindowOptions({
      preloadPath: fromAppRoot(PRELOAD_ENTRY),
      darkMode: nativeTheme.shouldUseDarkColors,
      allowDevTools: !app.isPackaged,
    }),
    ...bounds,
  });
  if (saved?.maximized && bounds) window.maximize();
  // Remember where the window was, for the next start.
  window.on('close', () =>
    writeWindowState(app.getPath('userData'), { bounds: window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  if (serviceEvents) forwardServiceEvents(serviceEvents, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
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

/** Creates the service and its one IPC channel (calls accepted only from the app's own top frame). */
async function startService(createService: ServiceFactory, appUrl: string): Promise<EventHub> {
  const events = createEventHub();
  const service = await createService({ events });
  runningService = service;
  registerServiceIpc(ipcMain, createDispatcher(service), createAppFrameCheck(appUrl));
  return events;
}

async function onReady(options: StartAppOptions, appUrl: string): Promise<void> {
  installSessionGuards(session.defaultSession);
  registerAppProtocol(protocol, fromAppRoot(RENDERER_FOLDER), (fileUrl) => net.fetch(fileUrl));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        platform: process.platform,
        appName: app.getName(),
        isPackaged: app.isPackaged,
        openHelp: () => void shell.openExternal(HELP_URL),
        openSnapshot: () => void openSnapshotFromMenu(mainWindow, runningService),
      }),
    ),
  );
  if (options.createService) serviceEvents = await startService(options.createService, appUrl);
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

export function startApp(options: StartAppOptions = {}): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  // Before ready, as Electron requires: app:// gets a real origin, so 'self' in the CSP and same-origin checks work.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  const appUrl = APP_ENTRY_URL;
  app.on('web-contents-created', (_event, contents) => {
    installWebContentsGuards(contents, { appUrl, openExternal: (url) => shell.openExternal(url) });
  });
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => onReady(options, appUrl))
    .catch((error: unknown) => {
      console.error('Okta Prep: failed to start:', error);
      app.quit();
    });
}
