// The fake org's clocks: a fixed FAKE_NOW for generation (never Date.now()), and the server clock (system or manual)
// that drives Date headers, rate-limit windows, token expiry and the timestamps of later org mutations.
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

/**
 * What the server reads "now" from. Inject a manual one to make windows, expiry and mutation timestamps deterministic.
 */
export interface FakeServerClock {
  now(): number;
}

export interface ManualClock extends FakeServerClock {
  /** Moves the clock forward (or back, with a negative value); returns the new time. */
  advance(ms: number): number;
  set(ms: number): void;
}

export const systemClock: FakeServerClock = { now: () => Date.now() };

/** Starts an hour after FAKE_NOW by default, so every mutation is newer than everything generated. */
export function createManualClock(startMs: number = FAKE_NOW_MS + 3_600_000): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => (current += ms),
    set: (ms) => {
      current = ms;
    },
  };
}

/**
 * The HTTP `Date` header (IMF-fixdate). It has whole-second resolution and is TRUNCATED (floor), while
 * X-Rate-Limit-Reset is the window end ROUNDED UP (ceil): so `reset - Date` is never shorter than the real wait.
 */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}
