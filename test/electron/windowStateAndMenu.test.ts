// Window state is remembered and only restored onto a display that exists; the menu has the usual entries and a help
// link that lands.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, HELP_URL } from '../../electron/main/applicationMenu';
import { readWindowState, restorableBounds, writeWindowState } from '../../electron/main/windowState';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const screenArea = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('round-trips through the user data folder, and ignores a damaged file', () => {
    const folder = tempDir();
    expect(readWindowState(folder)).toBeUndefined();
    writeWindowState(folder, { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
    expect(readWindowState(folder)).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
  });

  it('restores bounds only when the title area is on a current display', () => {
    const state = { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: false };
    expect(restorableBounds(state, [screenArea])).toEqual(state.bounds);
    const offScreen = { bounds: { x: 3000, y: 80, width: 1200, height: 800 }, maximized: false };
    expect(restorableBounds(offScreen, [screenArea])).toBeUndefined();
    expect(restorableBounds(offScreen, [screenArea, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual(
      offScreen.bounds,
    );
  });
});

describe('application menu', () => {
  it('has File, Edit, View, Window and Help, an app menu on macOS, and no DevTools when packaged', () => {
    const help = vi.fn();
    const linux = applicationMenuTemplate({
      platform: 'linux',
      appName: 'Okta Prep',
      isPackaged: true,
      openHelp: help,
    });
    expect(linux.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    expect(JSON.stringify(linux)).not.toContain('toggleDevTools');
    const mac = applicationMenuTemplate({
      platform: 'darwin',
      appName: 'Okta Prep',
      isPackaged: false,
      openHelp: help,
    });
    expect(mac[0]!.label).toBe('Okta Prep');
    expect(JSON.stringify(mac)).toContain('toggleDevTools');
    const helpItem = (mac.at(-1)!.submenu as { click: () => void }[])[0]!;
    helpItem.click();
    expect(help).toHaveBeenCalled();
  });
});

describe('help link', () => {
  it("points at a section the README has (GitHub's heading anchors: lower case, spaces to dashes)", () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const anchors = [...readme.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) =>
      heading!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
    const fragment = new URL(HELP_URL).hash.slice(1);
    expect(fragment).toBe('the-app');
    expect(anchors).toContain(fragment);
  });
});
