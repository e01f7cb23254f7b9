// The fake org's fixed clock: every generated timestamp lies before FAKE_NOW, so generation never reads Date.now().
import type { SeededRandom } from './random';

/** "Now" for the fake org. Fixed so that the same seed always yields the same timestamps. */
export const FAKE_NOW_MS = Date.UTC(2025, 5, 30, 12, 0, 0);
/** Oldest object in the org. */
export const FAKE_ORG_CREATED_MS = Date.UTC(2019, 2, 11, 9, 30, 0);

const DAY_MS = 86_400_000;
export const daysMs = (days: number): number => days * DAY_MS;

/** Okta's timestamp format: ISO 8601 UTC with milliseconds always ".000". */
export function oktaTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** A whole-second instant in [fromMs, toMs]. */
export function randomInstant(random: SeededRandom, fromMs: number, toMs: number): number {
  const from = Math.min(fromMs, toMs);
  const span = Math.max(0, toMs - from);
  return Math.floor((from + random.next() * span) / 1000) * 1000;
}
