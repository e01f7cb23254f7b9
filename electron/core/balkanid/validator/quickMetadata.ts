// A quick verdict on Metadata as exports write it: one flat JSON object of strings, numbers, booleans and nulls,
// without backslash escapes. It reads the cell as written in the CSV (each quote doubled), so no string is unescaped
// and no object built: on an entities file, where every Metadata differs, unescaping and JSON.parse were most of the
// cost of a row.
//
// It only ever says "a valid object with nothing to report" (and whether username or email is filled). Anything else
// — nesting, escapes, a value to warn about, something JSON.parse might read differently — gets no quick verdict and
// goes through JSON.parse (checkMetadata.ts), which stays the reference: the quick path can make no finding, nor
// hide one.
import { isWrongTimestamp } from './metadataTimestamps';

/** No quick verdict: check the text the full way. */
export const NOT_QUICK = -1;
/** A valid object with nothing to report; with and without a filled "username" or "email". */
export const CLEAN_WITHOUT_USERNAME = 0;
export const CLEAN_WITH_USERNAME = 1;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const FAIL = -1;

/** What the keys seen so far say; a later repeat of a key wins, as in JSON.parse. */
class ObjectSeen {
  usernameFilled = false;
  emailFilled = false;
}

/**
 * NOT_QUICK, or a clean verdict on `raw`: a Metadata cell as written between its quotes in the CSV (doubled quotes).
 */
export function quickMetadataVerdict(raw: string): number {
  const seen = new ObjectSeen();
  let at = skipSpace(raw, 0);
  if (raw.charCodeAt(at) !== 0x7b) return NOT_QUICK; // {
  at = skipSpace(raw, at + 1);
  if (raw.charCodeAt(at) === 0x7d) return NOT_QUICK; // {}: warned about in relations; rare anyway
  for (;;) {
    at = readMember(raw, at, seen);
    if (at === FAIL) return NOT_QUICK;
    const c = raw.charCodeAt(at);
    if (c === 0x7d) break; // }
    if (c !== 0x2c) return NOT_QUICK; // ,
    at = skipSpace(raw, at + 1);
  }
  if (skipSpace(raw, at + 1) !== raw.length) return NOT_QUICK;
  return seen.usernameFilled || seen.emailFilled ? CLEAN_WITH_USERNAME : CLEAN_WITHOUT_USERNAME;
}

/** `"key": value` from `at`; returns where the next token starts, or FAIL. */
function readMember(raw: string, at: number, seen: ObjectSeen): number {
  const keyEnd = readString(raw, at);
  if (keyEnd === FAIL) return FAIL;
  const key = keyName(raw, at + 2, keyEnd);
  let next = skipSpace(raw, keyEnd + 2);
  if (raw.charCodeAt(next) !== 0x3a) return FAIL; // :
  next = skipSpace(raw, next + 1);
  const c = raw.charCodeAt(next);
  let valueEnd: number;
  if (c === QUOTE) {
    const end = readString(raw, next);
    if (end === FAIL || key === 'privilegeValue') return FAIL; // privilegeValue must be a boolean
    if (end - next - 2 >= 16 && isWrongTimestamp(raw.slice(next + 2, end))) return FAIL;
    if (key === 'username') seen.usernameFilled = end > next + 2;
    if (key === 'email') seen.emailFilled = end > next + 2;
    valueEnd = end + 2;
  } else {
    valueEnd = readLiteral(raw, next);
    if (valueEnd === FAIL || (key === 'privilegeValue' && c !== 0x74 && c !== 0x66)) return FAIL; // true, false
    if (key === 'username') seen.usernameFilled = false;
    if (key === 'email') seen.emailFilled = false;
  }
  return skipSpace(raw, valueEnd);
}

/** The keys the verdict depends on, by name; '' for any other. */
function keyName(raw: string, start: number, end: number): string {
  const length = end - start;
  if (length === 8 && raw.startsWith('username', start)) return 'username';
  if (length === 5 && raw.startsWith('email', start)) return 'email';
  if (length === 14 && raw.startsWith('privilegeValue', start)) return 'privilegeValue';
  return '';
}

/**
 * A JSON string written with doubled quotes, from its opening `""` at `at`: the index of its closing `""`, or FAIL
 * for a backslash escape or a control character (left to JSON.parse).
 */
function readString(raw: string, at: number): number {
  if (raw.charCodeAt(at) !== QUOTE || raw.charCodeAt(at + 1) !== QUOTE) return FAIL;
  for (let i = at + 2; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === QUOTE) return raw.charCodeAt(i + 1) === QUOTE ? i : FAIL;
    if (c === BACKSLASH || c < 0x20) return FAIL;
  }
  return FAIL;
}

const WORDS = ['true', 'false', 'null'];

/** true, false, null or a JSON number at `at`: where it ends, or FAIL. */
function readLiteral(raw: string, at: number): number {
  for (const word of WORDS)
    if (raw.startsWith(word, at)) return endsValue(raw, at + word.length) ? at + word.length : FAIL;
  const end = readNumber(raw, at);
  return end !== FAIL && endsValue(raw, end) ? end : FAIL;
}

/** A value must be followed by space, a comma or the closing brace ("truex" or "12a" is not JSON). */
function endsValue(raw: string, at: number): boolean {
  const c = raw.charCodeAt(at);
  return c === 0x2c || c === 0x7d || isSpace(c);
}

/** JSON's number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
function readNumber(raw: string, at: number): number {
  let i = raw.charCodeAt(at) === 0x2d ? at + 1 : at;
  if (raw.charCodeAt(i) === 0x30) i++;
  else if (isDigit(raw.charCodeAt(i))) i = skipDigits(raw, i);
  else return FAIL;
  if (raw.charCodeAt(i) === 0x2e) {
    if (!isDigit(raw.charCodeAt(i + 1))) return FAIL;
    i = skipDigits(raw, i + 1);
  }
  const e = raw.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = raw.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(raw.charCodeAt(i))) return FAIL;
    i = skipDigits(raw, i);
  }
  return i;
}

function skipDigits(raw: string, at: number): number {
  let i = at;
  while (isDigit(raw.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** JSON's white space: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipSpace(raw: string, at: number): number {
  let i = at;
  while (isSpace(raw.charCodeAt(i))) i++;
  return i;
}
