// Formats CSV records in the upload dialect (balkanid-format.md Part B): comma, RFC 4180 quoting only when needed,
// CRLF.

export const CSV_RECORD_END = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell: quoted only when it holds a comma, quote, CR or LF; inner quotes doubled. Values are never altered
 * otherwise.
 */
export function formatCsvCell(cell: string): string {
  if (typeof cell !== 'string') {
    throw new TypeError(`CSV cell must be a string, got ${cell === null ? 'null' : typeof cell}`);
  }
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One record, CRLF included. No formula neutralising: values must round-trip exactly (the validator warns instead). */
export function formatCsvRecord(cells: readonly string[]): string {
  // A lone empty cell is written as "" so the record is not read back as a blank line.
  if (cells.length === 1 && cells[0] === '') return `""${CSV_RECORD_END}`;
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += formatCsvCell(cells[i] as string);
  }
  return line + CSV_RECORD_END;
}

/** Stands for "no cell yet" in RepeatingCellFormatter: equal to no cell, whatever its type. */
const NO_CELL = Symbol('no cell');

/**
 * formatCsvRecord for the rows of one file, where most columns repeat from one row to the next (the app, the types,
 * Source System, a relation kind's Metadata): a cell equal to its column's cell in the row before reuses that cell's
 * formatting instead of checking it again. The text is formatCsvRecord's, byte for byte.
 */
export class RepeatingCellFormatter {
  private readonly lastCells: (string | symbol)[] = [];
  /** The formatted cells of the row before (the last one with the record end): the next row's line is their join. */
  private readonly formatted: string[] = [];

  format(cells: readonly string[]): string {
    if (cells.length === 1 && cells[0] === '') return `""${CSV_RECORD_END}`;
    const last = cells.length - 1;
    if (this.formatted.length !== cells.length) this.reset(cells.length);
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] as string;
      if (cell === this.lastCells[i]) continue;
      this.formatted[i] = i === last ? formatCsvCell(cell) + CSV_RECORD_END : formatCsvCell(cell);
      this.lastCells[i] = cell;
    }
    // join makes one flat string without an array per row; `+=` would leave a tree of pieces for the encoder to walk.
    return this.formatted.join(',');
  }

  /** A row of another width: nothing of the rows before is reused. */
  private reset(width: number): void {
    this.lastCells.length = 0;
    this.lastCells.push(...new Array<symbol>(width).fill(NO_CELL));
    this.formatted.length = width;
  }
}
