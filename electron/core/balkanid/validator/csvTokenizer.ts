// Splits decoded CSV text into records with their physical start line; tolerant: quoting faults are noted, never
// thrown.
//
// Record ends are CRLF or LF (outside quotes). A lone CR outside quotes is kept as data and noted. Lines are counted by
// LF, so a row after a quoted cell holding line breaks gets its true physical line.
//
// Speed matters here (it is most of a validation's time): a quoted cell is found with indexOf and sliced once, its
// doubled quotes undone with one replaceAll, instead of being built up piece by piece.

export type LineEnd = 'crlf' | 'lf' | 'eof';

export interface QuotingIssue {
  kind: 'quote-in-unquoted-cell' | 'text-after-closing-quote' | 'lone-cr';
  cellIndex: number;
  /** Physical line of the fault (may differ from the record's start line). */
  line: number;
}

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  /** Physical line where it ends (its line end, or the end of the file). */
  lastLine: number;
  cells: string[];
  /** Number of cells, which may exceed cells.length when a row has absurdly many. */
  cellCount: number;
  lineEnd: LineEnd;
  /** An empty line: no characters between two line ends. */
  blank: boolean;
  quoting?: QuotingIssue[];
  /** Set when the file ends inside a quoted cell. */
  unterminated?: { line: number; cellIndex: number };
  /** Cells cut because they were longer than MAX_KEPT_CELL_CHARS, with their true length. */
  cutCells?: { index: number; length: number }[];
}

/**
 * Longer cells are cut (their length is still known); stops an unclosed quote from growing one string without bound.
 */
export const MAX_KEPT_CELL_CHARS = 1_000_000;
export const MAX_KEPT_CELLS = 10_000;
const MAX_QUOTING_ISSUES = 20;

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const UNKNOWN = -2;

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted' | 'after-closing-quote';

/**
 * The tokenizer that handles everything: a state machine fed any piece of text, resumable at any character. The fast
 * scanner (fastCsvScanner.ts) hands it the records it does not take itself: quoting faults, lone CRs, very many cells,
 * very long records.
 */
export class CsvTokenizer {
  private state: State = 'field-start';
  private line: number;
  private carry = '';
  private recordStarted = false;
  private recordLine: number;
  private cells: string[] = [];
  private cellCount = 0;
  private field = '';
  private fieldLength = 0;
  private quoteLine = 0;
  private quoting: QuotingIssue[] | undefined;
  private cutCells: { index: number; length: number }[] | undefined;
  private out: CsvRecord[] = [];
  /** Where the next LF is in the text being scanned: -1 none left, UNKNOWN not looked for yet. */
  private nextLf = UNKNOWN;

  /** `startLine`: the physical line of the first character it will be given. */
  constructor(startLine = 1) {
    this.line = startLine;
    this.recordLine = startLine;
  }

  /** The physical line the tokenizer has reached (1 + line feeds read so far). */
  get currentLine(): number {
    return this.line;
  }

  /** True between records: nothing of a record is held, so another scanner may take over from here. */
  get atRecordBoundary(): boolean {
    return !this.recordStarted && this.state === 'field-start' && this.carry === '';
  }

  /** Feeds the next piece of text; returns the records completed by it. `final` marks the end of the input. */
  push(text: string, final: boolean): CsvRecord[] {
    const s = this.carry === '' ? text : this.carry + text;
    this.carry = '';
    this.out = [];
    this.nextLf = UNKNOWN;
    this.scan(s, final);
    if (final) this.finishInput();
    return this.out;
  }

  /** The state machine's loop (over 40 lines: one switch on the state, clearer whole than split). */
  private scan(s: string, final: boolean): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const state = this.state;
      if (state === 'quoted') {
        i = this.scanQuoted(s, i);
        continue;
      }
      const c = s.charCodeAt(i);
      if (state === 'quote-in-quoted') {
        if (c === QUOTE) {
          this.append('"');
          this.state = 'quoted';
          i++;
        } else {
          this.state = 'after-closing-quote';
        }
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !final) {
          this.carry = '\r'; // cannot tell CRLF from a lone CR yet
          return;
        }
        if (s.charCodeAt(i + 1) === LF) {
          this.endRecord('crlf');
          this.line++;
          i += 2;
          continue;
        }
      }
      if (c === LF) {
        this.endRecord('lf');
        this.line++;
        i++;
        continue;
      }
      if (c === COMMA) {
        this.touch();
        this.endField();
        this.state = 'field-start';
        i++;
        continue;
      }
      i = this.scanUnquoted(s, i);
    }
  }

  /** Handles text outside quotes up to the next comma, CR or LF (the caller handles those). */
  private scanUnquoted(s: string, start: number): number {
    this.touch();
    const c = s.charCodeAt(start);
    if (this.state === 'after-closing-quote') {
      this.note(c === CR ? 'lone-cr' : 'text-after-closing-quote');
      this.state = 'unquoted';
    }
    if (c === QUOTE) {
      if (this.state === 'field-start') {
        this.state = 'quoted';
        this.quoteLine = this.line;
        return start + 1;
      }
      this.note('quote-in-unquoted-cell');
    } else if (c === CR) {
      this.note('lone-cr');
    }
    this.state = 'unquoted';
    let j = start + 1;
    const n = s.length;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (d === COMMA || d === CR || d === LF || d === QUOTE) break;
      j++;
    }
    this.append(start === 0 && j === n ? s : s.slice(start, j));
    return j;
  }

  /**
   * Inside quotes: everything up to the closing quote is data, a doubled quote is one quote; line breaks are counted.
   * A quote at the very end of the text may open a doubled pair the next text completes: the 'quote-in-quoted' state
   * decides then.
   */
  private scanQuoted(s: string, start: number): number {
    const n = s.length;
    let pos = start;
    let doubled = false;
    let quoteAt: number;
    for (;;) {
      quoteAt = s.indexOf('"', pos);
      if (quoteAt < 0 || quoteAt + 1 >= n || s.charCodeAt(quoteAt + 1) !== QUOTE) break;
      doubled = true;
      pos = quoteAt + 2;
    }
    const end = quoteAt < 0 ? n : quoteAt;
    this.countLineFeeds(s, start, end);
    const text = s.slice(start, end);
    this.append(doubled ? text.replaceAll('""', '"') : text);
    if (quoteAt < 0) return n;
    this.state = 'quote-in-quoted';
    return quoteAt + 1;
  }

  private countLineFeeds(s: string, start: number, end: number): void {
    let at = this.nextLf;
    if (at === UNKNOWN || (at >= 0 && at < start)) at = s.indexOf('\n', start);
    while (at >= 0 && at < end) {
      this.line++;
      at = s.indexOf('\n', at + 1);
    }
    this.nextLf = at;
  }

  private finishInput(): void {
    if (this.state === 'quoted') {
      const cellIndex = this.cellCount;
      this.endField();
      this.emit('eof', { line: this.quoteLine, cellIndex });
      return;
    }
    if (this.recordStarted) this.endRecord('eof');
  }

  private touch(): void {
    if (!this.recordStarted) {
      this.recordStarted = true;
      this.recordLine = this.line;
    }
  }

  private note(kind: QuotingIssue['kind']): void {
    this.quoting ??= [];
    if (this.quoting.length < MAX_QUOTING_ISSUES)
      this.quoting.push({ kind, cellIndex: this.cellCount, line: this.line });
  }

  private append(text: string): void {
    if (this.fieldLength === 0 && text.length <= MAX_KEPT_CELL_CHARS) {
      this.field = text;
      this.fieldLength = text.length;
      return;
    }
    this.fieldLength += text.length;
    const room = MAX_KEPT_CELL_CHARS - this.field.length;
    if (room > 0) this.field += text.length <= room ? text : text.slice(0, room);
  }

  private endField(): void {
    if (this.fieldLength > MAX_KEPT_CELL_CHARS) {
      (this.cutCells ??= []).push({ index: this.cellCount, length: this.fieldLength });
    }
    if (this.cells.length < MAX_KEPT_CELLS) this.cells.push(this.field);
    this.cellCount++;
    this.field = '';
    this.fieldLength = 0;
  }

  private endRecord(lineEnd: LineEnd): void {
    if (!this.recordStarted && this.state === 'field-start') {
      this.out.push({ line: this.line, lastLine: this.line, cells: [''], cellCount: 1, lineEnd, blank: true });
      return;
    }
    this.touch();
    this.endField();
    this.emit(lineEnd, undefined);
  }

  private emit(lineEnd: LineEnd, unterminated: CsvRecord['unterminated']): void {
    const record: CsvRecord = {
      line: this.recordLine,
      lastLine: this.line,
      cells: this.cells,
      cellCount: this.cellCount,
      lineEnd,
      blank: false,
    };
    if (this.quoting) record.quoting = this.quoting;
    if (this.cutCells) record.cutCells = this.cutCells;
    if (unterminated) record.unterminated = unterminated;
    this.out.push(record);
    this.cells = [];
    this.cellCount = 0;
    this.quoting = undefined;
    this.cutCells = undefined;
    this.recordStarted = false;
    this.state = 'field-start';
  }
}
