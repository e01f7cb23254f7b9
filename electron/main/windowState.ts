// Remembers the main window's position, size and maximised state between runs (window-state.json in userData),
// and never restores a window onto a display that is no longer there.
import fs from 'node:fs';
import path from 'node:path';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const FILE_NAME = 'window-state.json';

export function readWindowState(folder: string): WindowState | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(folder, FILE_NAME), 'utf8')) as WindowState;
    const { x, y, width, height } = state.bounds ?? {};
    return [x, y, width, height].every((n) => Number.isFinite(n)) && width > 0 && height > 0 ? state : undefined;
  } catch {
    return undefined; // first run, or a damaged file: use the default size
  }
}

export function writeWindowState(folder: string, state: WindowState): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, FILE_NAME), JSON.stringify(state));
}

/** The saved bounds if at least 100×50 px of the title area is on one of today's displays, else undefined. */
export function restorableBounds(
  state: WindowState | undefined,
  workAreas: readonly Rectangle[],
): Rectangle | undefined {
  if (!state) return undefined;
  const { bounds } = state;
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const overlapY = Math.min(bounds.y + 50, area.y + area.height) - Math.max(bounds.y, area.y);
    return overlapX >= 100 && overlapY >= 50;
  });
  return visible ? bounds : undefined;
}
