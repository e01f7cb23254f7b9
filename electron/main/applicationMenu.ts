// The application menu: the usual entries (app, File, Edit, View, Window, Help), built from Electron's roles.
import type { MenuItemConstructorOptions } from 'electron';

/** Help → documentation: the README's section on the app (its heading "## The app"). */
export const HELP_URL = 'https://github.com/okta-prep/okta-prep#the-app';

export function applicationMenuTemplate(input: {
  platform: NodeJS.Platform;
  appName: string;
  isPackaged: boolean;
  openHelp: () => void;
  /** File > Open snapshot…: a portable snapshot file, opened read-only. */
  openSnapshot?: () => void;
}): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  return [
    ...(mac ? [macAppMenu(input.appName)] : []),
    { label: 'File', submenu: fileSubmenu(mac, input.openSnapshot) },
    { label: 'Edit', submenu: EDIT_SUBMENU },
    { label: 'View', submenu: viewSubmenu(input.isPackaged) },
    {
      label: 'Window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    { role: 'help', submenu: [{ label: 'Okta Prep documentation', click: input.openHelp }] },
  ];
}

/** File: Open snapshot… when the app can open one, then Close (macOS keeps the app running) or Quit. */
function fileSubmenu(mac: boolean, openSnapshot: (() => void) | undefined): MenuItemConstructorOptions[] {
  const open: MenuItemConstructorOptions[] = openSnapshot
    ? [{ label: 'Open snapshot…', accelerator: 'CmdOrCtrl+O', click: openSnapshot }, { type: 'separator' }]
    : [];
  return [...open, mac ? { role: 'close' } : { role: 'quit' }];
}

const EDIT_SUBMENU: MenuItemConstructorOptions[] = [
  { role: 'undo' },
  { role: 'redo' },
  { type: 'separator' },
  { role: 'cut' },
  { role: 'copy' },
  { role: 'paste' },
  { role: 'selectAll' },
];

/** macOS's first menu, named after the app. */
function macAppMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

function viewSubmenu(isPackaged: boolean): MenuItemConstructorOptions[] {
  return [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    // Reload and DevTools only in development builds: a packaged app has nothing to debug there.
    ...(isPackaged
      ? []
      : ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
  ];
}
