// One CSV record as the checks see it. Most rows are views over the decoded text (cell offsets, no strings made):
// a check that only looks at a cell's first character, length or equality with a word creates nothing, and a look-up
// hashes the cell where it lies. A string is made only for a cell that is kept or shown.
import type { CsvRecord, LineEnd, QuotingIssue } from './csvTokenizer';
import { hashString } from './spill/hashing';

export interface CsvRow {
  /** Physical line (1-based) where the record starts, and where it ends. */
  readonly line: number;
  readonly lastLine: number;
  readonly lineEnd: LineEnd;
  readonly blank: boolean;
  readonly cellCount: number;
  readonly quoting?: QuotingIssue[];
  readonly unterminated?: { line: number; cellIndex: number };
  /** The value of a cell ('' beyond the last); cut to MAX_KEPT_CELL_CHARS for a longer cell. */
  cell(index: number): string;
  /** True length, also of a cut cell. */
  cellLength(index: number): number;
  /** At least cellLength, and cheaper: the length as written, doubled quotes counted twice. */
  writtenLength(index: number): number;
  isCut(index: number): boolean;
  /** UTF-16 code of the first character, or -1 for an empty cell. */
  firstCharCode(index: number): number;
  cellEquals(index: number, text: string): boolean;
  /** hashString of the cell's value, without making the string where possible. */
  hashCell(index: number, seed?: number): number;
  /** The cell as written between its quotes (doubled quotes left doubled): a cheap cache key, never a value. */
  rawCell(index: number): string | undefined;
  /** True when rawCell(index) would equal `raw`, without making it. */
  rawEquals(index: number, raw: string): boolean;
  /** The kept cells as strings. */
  cells(): string[];
}

/** A record the state-machine tokenizer built (quoting faults, long records): its cells are strings already. */
export class StringRow implements CsvRow {
  constructor(
    private readonly record: CsvRecord,
    readonly lastLine: number,
  ) {}

  get line(): number {
    return this.record.line;
  }
  get lineEnd(): LineEnd {
    return this.record.lineEnd;
  }
  get blank(): boolean {
    return this.record.blank;
  }
  get cellCount(): number {
    return this.record.cellCount;
  }
  get quoting(): QuotingIssue[] | undefined {
    return this.record.quoting;
  }
  get unterminated(): CsvRecord['unterminated'] {
    return this.record.unterminated;
  }
  cell(index: number): string {
    return this.record.cells[index] ?? '';
  }
  cellLength(index: number): number {
    return this.record.cutCells?.find((cut) => cut.index === index)?.length ?? this.cell(index).length;
  }
  writtenLength(index: number): number {
    return this.cellLength(index);
  }
  isCut(index: number): boolean {
    return this.record.cutCells?.some((cut) => cut.index === index) ?? false;
  }
  firstCharCode(index: number): number {
    const cell = this.cell(index);
    return cell.length === 0 ? -1 : cell.charCodeAt(0);
  }
  cellEquals(index: number, text: string): boolean {
    return this.cell(index) === text;
  }
  hashCell(index: number, seed = 0): number {
    return hashString(this.cell(index), seed);
  }
  rawCell(): string | undefined {
    return undefined;
  }
  rawEquals(): boolean {
    return false;
  }
  cells(): string[] {
    return this.record.cells;
  }
}

/** Cell flags in a TextRow. */
export const QUOTED = 1;
export const DOUBLED_QUOTES = 2;
const SHORT_COMPARE_CHARS = 16;
/** Cells a TextRow holds; a row with more goes to the state-machine tokenizer. */
export const MAX_TEXT_ROW_CELLS = 64;

/**
 * A well-formed record inside one decoded text, as cell offsets. One instance is reused for every row: it is valid only
 * during the call that hands it over.
 */
export class TextRow implements CsvRow {
  text = '';
  line = 0;
  lastLine = 0;
  lineEnd: LineEnd = 'crlf';
  blank = false;
  cellCount = 0;
  readonly starts = new Int32Array(MAX_TEXT_ROW_CELLS);
  readonly ends = new Int32Array(MAX_TEXT_ROW_CELLS);
  readonly flags = new Uint8Array(MAX_TEXT_ROW_CELLS);
  readonly quoting = undefined;
  readonly unterminated = undefined;

  cell(index: number): string {
    if (index >= this.cellCount) return '';
    const raw = this.text.slice(this.starts[index], this.ends[index]);
    return this.flags[index]! & DOUBLED_QUOTES ? raw.replaceAll('""', '"') : raw;
  }

  cellLength(index: number): number {
    if (index >= this.cellCount) return 0;
    return this.flags[index]! & DOUBLED_QUOTES ? this.cell(index).length : this.ends[index]! - this.starts[index]!;
  }

  writtenLength(index: number): number {
    return index < this.cellCount ? this.ends[index]! - this.starts[index]! : 0;
  }

  isCut(): boolean {
    return false;
  }

  firstCharCode(index: number): number {
    if (index >= this.cellCount) return -1;
    const start = this.starts[index]!;
    return start < this.ends[index]! ? this.text.charCodeAt(start) : -1;
  }

  cellEquals(index: number, text: string): boolean {
    if (index >= this.cellCount) return text === '';
    if (this.flags[index]! & DOUBLED_QUOTES) return this.cell(index) === text;
    return this.writtenEquals(index, text);
  }

  hashCell(index: number, seed = 0): number {
    if (index >= this.cellCount || this.flags[index]! & DOUBLED_QUOTES) return hashString(this.cell(index), seed);
    const start: number = this.starts[index]!;
    const end: number = this.ends[index]!;
    return hashString(this.text, seed, start, end);
  }

  rawCell(index: number): string | undefined {
    return index < this.cellCount ? this.text.slice(this.starts[index], this.ends[index]) : undefined;
  }

  rawEquals(index: number, raw: string): boolean {
    return index < this.cellCount && this.writtenEquals(index, raw);
  }

  /**
   * Compares the cell as written with `text`. Measured: a character loop wins for short words, slice and === (one
   * memory compare) for longer text; startsWith with a position was slower than both.
   */
  private writtenEquals(index: number, text: string): boolean {
    const start = this.starts[index]!;
    const length = this.ends[index]! - start;
    if (length !== text.length) return false;
    if (length > SHORT_COMPARE_CHARS) return this.text.slice(start, start + length) === text;
    for (let i = 0; i < length; i++) if (this.text.charCodeAt(start + i) !== text.charCodeAt(i)) return false;
    return true;
  }

  cells(): string[] {
    return Array.from({ length: this.cellCount }, (_, index) => this.cell(index));
  }
}
