// Encodes text given in memory as UTF-8 bytes without hiding a lone surrogate: Buffer.from would silently write
// U+FFFD for it, so the validator could never report it.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** UTF-8, except that each lone surrogate is written as its three-byte form (ED A0..BF xx), which is not UTF-8. */
export function encodeKeepingLoneSurrogates(text: string): Buffer {
  LONE_SURROGATE.lastIndex = 0;
  if (!LONE_SURROGATE.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  LONE_SURROGATE.lastIndex = 0;
  for (let match = LONE_SURROGATE.exec(text); match; match = LONE_SURROGATE.exec(text)) {
    parts.push(Buffer.from(text.slice(from, match.index), 'utf8'));
    const unit = text.charCodeAt(match.index);
    parts.push(Buffer.from([0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]));
    from = match.index + 1;
  }
  parts.push(Buffer.from(text.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

/** True when the text holds a lone surrogate (a JSON "\ud800" escape decodes to one). */
export function hasLoneSurrogate(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text);
}
