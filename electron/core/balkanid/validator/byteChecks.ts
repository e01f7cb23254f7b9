// Byte-level checks on a CSV stream: UTF-8 validity, lone surrogates and NUL bytes, each reported with its physical
// line.
import { isUtf8 } from 'node:buffer';

export type ByteIssue =
  | { kind: 'bom' }
  | { kind: 'utf16'; byteOrder: 'little-endian' | 'big-endian'; withBom: boolean }
  | { kind: 'cr-line-ends' }
  | { kind: 'invalid-utf8'; line: number; sample: string }
  | { kind: 'lone-surrogate'; line: number; sample: string }
  | { kind: 'nul'; line: number; sample: string };

export type LineByteIssue = Extract<ByteIssue, { line: number }>;

const EMPTY = Buffer.alloc(0);
const SAMPLE_CHARS = 200;
const replacingDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Returns how many bytes at the end of buf start a UTF-8 sequence the next chunk completes (0 if none). */
export function incompleteUtf8Tail(buf: Uint8Array): number {
  const limit = Math.min(3, buf.length);
  for (let back = 1; back <= limit; back++) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (byte < 0xc0) return 0;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * A UTF-16 surrogate written as three bytes (ED A0..BF xx): what CESU-8 and WTF-8 writers, or a UTF-8 encoder fed a
 * lone surrogate, produce. Not UTF-8, and a decoder silently turns it into U+FFFD.
 */
function holdsEncodedSurrogate(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(0xed); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(0xed, at + 1)) {
    const next = bytes[at + 1]!;
    if (next >= 0xa0 && next <= 0xbf) return true;
  }
  return false;
}

/** Checks consecutive chunks; the fast path (valid, no NUL) only counts line feeds. */
export class ByteChecks {
  private linesDone = 0;
  private tail: Buffer = EMPTY;
  private lastInvalidLine = 0;
  private lastNulLine = 0;

  constructor(private readonly report: (issue: ByteIssue) => void) {}

  /** Checks the next chunk; returns the bytes that are complete characters (a split sequence waits for the rest). */
  check(chunk: Buffer): Buffer {
    let piece = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    const keep = incompleteUtf8Tail(piece);
    this.tail = keep > 0 ? Buffer.from(piece.subarray(piece.length - keep)) : EMPTY;
    if (keep > 0) piece = piece.subarray(0, piece.length - keep);
    this.checkComplete(piece);
    return piece;
  }

  /** Call at the end of input: a sequence still held back is truncated, hence invalid. Returns those bytes. */
  finish(): Buffer {
    const rest = this.tail;
    if (rest.length > 0) this.checkComplete(rest);
    this.tail = EMPTY;
    return rest;
  }

  private checkComplete(piece: Buffer): void {
    if (isUtf8(piece) && piece.indexOf(0) < 0) {
      for (let at = piece.indexOf(0x0a); at >= 0; at = piece.indexOf(0x0a, at + 1)) this.linesDone++;
      return;
    }
    let start = 0;
    for (;;) {
      const lineFeed = piece.indexOf(0x0a, start);
      const lineBytes = piece.subarray(start, lineFeed < 0 ? piece.length : lineFeed);
      this.checkLine(lineBytes, this.linesDone + 1);
      if (lineFeed < 0) return;
      this.linesDone++;
      start = lineFeed + 1;
    }
  }

  private checkLine(bytes: Buffer, line: number): void {
    if (line !== this.lastInvalidLine && !isUtf8(bytes)) {
      this.lastInvalidLine = line;
      const kind = holdsEncodedSurrogate(bytes) ? 'lone-surrogate' : 'invalid-utf8';
      this.report({ kind, line, sample: sampleOf(bytes) });
    }
    if (line !== this.lastNulLine && bytes.indexOf(0) >= 0) {
      this.lastNulLine = line;
      this.report({ kind: 'nul', line, sample: sampleOf(bytes) });
    }
  }
}

function sampleOf(bytes: Buffer): string {
  const text = replacingDecoder
    .decode(bytes.subarray(0, SAMPLE_CHARS * 4))
    .replace(/\r$/, '')
    .replaceAll('\0', '\u2400');
  return text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS)}…` : text;
}
