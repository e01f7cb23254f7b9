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
