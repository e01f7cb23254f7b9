// Keyboard-only steps for the specs: move focus with Tab / Shift+Tab as a user would (never by script), checking at
// every stop that the focused element shows a focus ring.
import { expect, type Locator, type Page } from '@playwright/test';

/** What the focused element is and whether it draws a visible focus indicator (an outline or a box shadow). */
interface FocusStop {
  description: string;
  ringVisible: boolean;
}

async function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    const name =
      element.getAttribute('aria-label') ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      '';
    return {
      description: `<${element.tagName.toLowerCase()}> ${name.trim().slice(0, 60)}`,
      ringVisible: element.matches(':focus-visible') && (outline || shadow),
    };
  });
}

/** Fails unless the focused element shows a focus ring. */
export async function expectFocusRing(page: Page): Promise<void> {
  const stop = await focusStop(page);
  expect(stop, 'something has keyboard focus').not.toBeNull();
  expect(stop!.ringVisible, `focus ring on ${stop!.description}`).toBe(true);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, at most `maxPresses` times; every element passed on the way
 * must show a focus ring. Fails naming the stops when the target is never reached (it cannot be reached by keyboard).
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean; maxPresses?: number } = {},
): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const stops: string[] = [];
  for (let press = 0; press < (options.maxPresses ?? 60); press++) {
    await page.keyboard.press(key);
    const stop = await focusStop(page);
    if (stop) {
      stops.push(stop.description);
      expect(stop.ringVisible, `focus ring on ${stop.description} (after ${stops.join(' → ')})`).toBe(true);
    }
    if (await isFocused(target)) return;
  }
  throw new Error(`${key} never reached ${target.toString()}; focus went ${stops.join(' → ')}`);
}

/** Tabs to `target` and presses `key` on it (Enter for buttons and links, Space for buttons and check boxes). */
export async function tabAndPress(
  page: Page,
  target: Locator,
  key: 'Enter' | 'Space' = 'Enter',
  options: { backwards?: boolean; maxPresses?: number } = {},
): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press(key === 'Space' ? ' ' : 'Enter');
}
