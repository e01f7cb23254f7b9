// Tests for the main window options: every security flag pinned, preload path, size, hidden-until-ready, theme colour.
import { describe, expect, it, vi } from 'vitest';
import { createMainWindowOptions, MAIN_WINDOW_BACKGROUND } from '../../electron/main/windowOptions';

vi.mock('electron', () => {
  throw new Error('windowOptions must stay pure: it may not import electron at runtime');
});

const REQUIRED_WEB_PREFERENCES = [
  ['contextIsolation', true],
  ['sandbox', true],
  ['nodeIntegration', false],
  ['nodeIntegrationInWorker', false],
  ['nodeIntegrationInSubFrames', false],
  ['webviewTag', false],
  ['webSecurity', true],
  ['allowRunningInsecureContent', false],
  ['experimentalFeatures', false],
  ['spellcheck', false],
] as const;

describe('createMainWindowOptions', () => {
  const options = createMainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', darkMode: false });

  it.each(REQUIRED_WEB_PREFERENCES)('sets webPreferences.%s to exactly %s', (flag, expected) => {
    expect(options.webPreferences?.[flag]).toBe(expected);
  });

  it('uses the given preload path', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('stays hidden until ready-to-show', () => {
    expect(options.show).toBe(false);
  });

  it('has a sensible minimum size no larger than the default size', () => {
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('picks the background colour from the dark-mode flag', () => {
    const dark = createMainWindowOptions({ preloadPath: '/p.cjs', darkMode: true });
    expect(options.backgroundColor).toBe(MAIN_WINDOW_BACKGROUND.light);
    expect(dark.backgroundColor).toBe(MAIN_WINDOW_BACKGROUND.dark);
    expect(MAIN_WINDOW_BACKGROUND.dark).not.toBe(MAIN_WINDOW_BACKGROUND.light);
  });

  it('keeps DevTools off unless explicitly allowed', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    const dev = createMainWindowOptions({ preloadPath: '/p.cjs', darkMode: false, allowDevTools: true });
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('never weakens the security flags whatever the inputs', () => {
    for (const darkMode of [true, false]) {
      for (const allowDevTools of [true, false, undefined]) {
        const prefs = createMainWindowOptions({ preloadPath: '/p.cjs', darkMode, allowDevTools }).webPreferences;
        for (const [flag, expected] of REQUIRED_WEB_PREFERENCES) expect(prefs?.[flag]).toBe(expected);
      }
    }
  });
});
