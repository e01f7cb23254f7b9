// Splits decoded CSV text into rows, fast: a well-formed record (the usual case) is found with indexOf and character
// loops and handed over as cell offsets into the text (TextRow), without making a string per cell. Anything unusual —
// a quoting fault, a lone CR, an unclosed quote at the end, very many cells, a record longer than LONG_RECORD_CHARS —
// goes to the state-machine tokenizer (CsvTokenizer), which stays in charge until it is between records again.
//
// Measured on a 200 MB relations file: about 0.6 of papaparse's parse time, where building every cell as a string
// (as papaparse and the state machine do) cost about 1.1.
import { MAX_TEXT_ROW_CELLS, DOUBLED_QUOTES, QUOTED, StringRow, TextRow, type CsvRow } from './csvRows';
import { CsvTokenizer, type LineEnd } from './csvTokenizer';

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const UNKNOWN = -2;
/** A record still unfinished after this many characters goes to the state machine (which cuts long cells). */
export const LONG_RECORD_CHARS = 512 * 1024;

/** Where scanning a text stopped: all of it taken, or a record (from `at`) left to finish or to the state machine. */
type Stop = { kind: 'done' } | { kind: 'unfinished' | 'unusual'; at: number };

export class CsvScanner {
  private carry = '';
  /** Physical line at the start of the text being scanned (after `carry`). */
  private line = 1;
  private slow: CsvTokenizer | undefined;
  private readonly row = new TextRow();
  private nextLf = UNKNOWN;

  /** The physical line reached (1 + line feeds taken so far). */
  get currentLine(): number {
    return this.slow ? this.slow.currentLine : this.line;
  }

  /** Feeds the next piece of text; onRow gets each completed row (valid during the call). */
  push(text: string, final: boolean, onRow: (row: CsvRow) => void): void {
    if (this.slow) {
      this.pushSlow(text, final, onRow);
      return;
    }
    const s = this.carry === '' ? text : this.carry + text;
    this.carry = '';
    const stop = this.scan(s, final, onRow);
    if (stop.kind === 'done') return;
    const rest = s.slice(stop.at);
    if (stop.kind === 'unusual' || final || rest.length > LONG_RECORD_CHARS) {
      this.slow = new CsvTokenizer(this.line);
      this.pushSlow(rest, final, onRow);
    } else {
      this.carry = rest;
    }
  }

  private pushSlow(text: string, final: boolean, onRow: (row: CsvRow) => void): void {
    const slow = this.slow!;
    for (const record of slow.push(text, final)) onRow(new StringRow(record, record.lastLine));
    if (!final && slow.atRecordBoundary) {
      this.line = slow.currentLine;
      this.slow = undefined;
    }
  }

  /** Takes every complete, well-formed record of `s`; `this.line` ends at the line of the first one not taken. */
  private scan(s: string, final: boolean, onRow: (row: CsvRow) => void): Stop {
    const n = s.length;
    this.row.text = s;
    this.nextLf = UNKNOWN;
    let pos = 0;
    while (pos < n) {
      const recordLine = this.line;
      const end = this.scanRecord(s, pos, final, onRow);
      if (end < 0) {
        this.line = recordLine; // line feeds inside the record not taken are counted again later
        return { kind: end === UNFINISHED ? 'unfinished' : 'unusual', at: pos };
      }
      pos = end;
    }
    return { kind: 'done' };
  }

  /**
   * Scans one record from `start`; returns where the next begins, or UNFINISHED / UNUSUAL. One function over 40
   * lines on purpose: it is the innermost loop of a validation, and keeps its position in locals.
   */
  private scanRecord(s: string, start: number, final: boolean, onRow: (row: CsvRow) => void): number {
    const n = s.length;
    const row = this.row;
    const recordLine = this.line;
    let pos = start;
    let cell = 0;
    for (;;) {
      if (cell === MAX_TEXT_ROW_CELLS) return UNUSUAL;
      let c = s.charCodeAt(pos);
      if (c === QUOTE) {
        const close = this.scanQuoted(s, pos + 1, final);
        if (close < 0) return close;
        row.starts[cell] = pos + 1;
        row.ends[cell] = close;
        row.flags[cell] = this.doubled ? QUOTED | DOUBLED_QUOTES : QUOTED;
        pos = close + 1;
      } else {
        let j = pos;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === COMMA || c === CR || c === LF || c === QUOTE) break;
          j++;
        }
        if (j < n && c === QUOTE) return UNUSUAL; // a quote inside an unquoted cell
        row.starts[cell] = pos;
        row.ends[cell] = j;
        row.flags[cell] = 0;
        pos = j;
      }
      cell++;
      if (pos >= n) return final ? this.emit(onRow, recordLine, cell, 'eof', n) : UNFINISHED;
      c = s.charCodeAt(pos);
      if (c === COMMA) {
        pos++;
        if (pos < n) continue;
        if (!final) return UNFINISHED;
        row.starts[cell] = row.ends[cell] = n;
        row.flags[cell] = 0;
        return this.emit(onRow, recordLine, cell + 1, 'eof', n);
      }
      if (c === LF) return this.endLine(onRow, recordLine, cell, 'lf', pos + 1, start);
      if (c !== CR) return UNUSUAL; // text after a closing quote
      if (pos + 1 >= n) return final ? UNUSUAL : UNFINISHED;
      if (s.charCodeAt(pos + 1) !== LF) return UNUSUAL; // a lone CR
      return this.endLine(onRow, recordLine, cell, 'crlf', pos + 2, start);
    }
  }

  /** Set by scanQuoted: the cell held doubled quotes. */
  private doubled = false;

  /** From just after an opening quote: the index of the closing quote, or UNFINISHED / UNUSUAL. */
  private scanQuoted(s: string, from: number, final: boolean): number {
    const n = s.length;
    this.doubled = false;
    let q = from;
    for (;;) {
      q = s.indexOf('"', q);
      if (q < 0) return final ? UNUSUAL : UNFINISHED; // unclosed at the end: the state machine reports it
      if (q + 1 >= n) {
        if (!final) return UNFINISHED; // a doubled quote may be split between two texts
        break;
      }
      if (s.charCodeAt(q + 1) !== QUOTE) break;
      this.doubled = true;
      q += 2;
    }
    let lf = this.nextLf;
    if (lf === UNKNOWN || (lf >= 0 && lf < from)) lf = s.indexOf('\n', from);
    while (lf >= 0 && lf < q) {
      this.line++;
      lf = s.indexOf('\n', lf + 1);
    }
    this.nextLf = lf;
    return q;
  }

  /** A record ended by a line end at `next`; an empty line is a blank row. */
  private endLine(
    onRow: (row: CsvRow) => void,
    recordLine: number,
    cells: number,
    lineEnd: LineEnd,
    next: number,
    start: number,
  ): number {
    const blank = cells === 1 && this.row.starts[0] === start && this.row.ends[0] === start;
    this.emit(onRow, recordLine, cells, lineEnd, next, blank);
    this.line++;
    return next;
  }

  private emit(
    onRow: (row: CsvRow) => void,
    recordLine: number,
    cells: number,
    lineEnd: LineEnd,
    next: number,
    blank = false,
  ): number {
    const row = this.row;
    row.line = recordLine;
    row.lastLine = this.line;
    row.cellCount = cells;
    row.lineEnd = lineEnd;
    row.blank = blank;
    onRow(row);
    return next;
  }
}

const UNFINISHED = -1;
const UNUSUAL = -2;
