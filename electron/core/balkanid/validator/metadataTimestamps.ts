// Timestamps in Metadata: BalkanID's form "YYYY-MM-DD HH:MM:SS +0000 UTC", and the values that look like a timestamp
// but are not in it (a warning). Shared by the full Metadata check and the quick one.

/** A date with a time of day: anything a reader would take for a timestamp. */
const LOOKS_LIKE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const DATE_AND_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?/;
/** The shortest text LOOKS_LIKE_TIMESTAMP can match. */
const SHORTEST_TIMESTAMP = 16;

/** A text value a reader would take for a timestamp but that is not in BalkanID's form (worth a warning). */
export function isWrongTimestamp(text: string): boolean {
  if (text.length < SHORTEST_TIMESTAMP || text.charCodeAt(4) !== 0x2d) return false;
  return !isBalkanTimestamp(text) && LOOKS_LIKE_TIMESTAMP.test(text);
}

const BALKAN_SUFFIX = ' +0000 UTC';
/** Where the form `2023-12-14 04:42:12 +0000 UTC` has its separators; every other place before the suffix a digit. */
const SEPARATORS: Record<number, number> = { 4: 0x2d, 7: 0x2d, 10: 0x20, 13: 0x3a, 16: 0x3a };

/**
 * The BalkanID form, with a date and time that exist (2023-02-30 or 25:00:00 are not accepted). Checked character by
 * character: it runs on every timestamp of every entity.
 */
export function isBalkanTimestamp(text: string): boolean {
  if (text.length !== 29 || !text.endsWith(BALKAN_SUFFIX)) return false;
  for (let i = 0; i < 19; i++) {
    const c = text.charCodeAt(i);
    const separator = SEPARATORS[i];
    if (separator === undefined ? c < 0x30 || c > 0x39 : c !== separator) return false;
  }
  return dateAndTimeExist(text);
}

/** True when the leading `YYYY-MM-DD HH:MM[:SS]` (T or space between) names a real day and time of day. */
export function dateAndTimeExist(text: string): boolean {
  if (!DATE_AND_TIME.test(text)) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const second = text.charCodeAt(16) === 0x3a ? digits(text, 17, 2) : 0;
  if (month < 1 || month > 12 || day < 1 || digits(text, 11, 2) > 23 || digits(text, 14, 2) > 59 || second > 59)
    return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** The number written by `count` ASCII digits at `at` (already known to be digits). */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) value = value * 10 + text.charCodeAt(i) - 0x30;
  return value;
}
