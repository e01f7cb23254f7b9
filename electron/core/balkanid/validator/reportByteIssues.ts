// Turns byte-level issues (BOM, UTF-16, CR-only line ends, invalid UTF-8, lone surrogates, NUL) into findings, naming
// the cell that holds the bad bytes when the record is known.
import type { ByteIssue, LineByteIssue } from './byteChecks';
import type { CsvRow } from './csvRows';
import type { FileFindings } from './findingCollector';

/** Issues about the whole file (no line). */
export function reportFileByteIssue(issue: Exclude<ByteIssue, LineByteIssue>, findings: FileFindings): void {
  switch (issue.kind) {
    case 'bom':
      findings.add({
        rule: 'bom',
        line: 1,
        message: 'The file starts with a UTF-8 byte-order mark (BOM); it was accepted and ignored.',
      });
      return;
    case 'utf16':
      findings.add({
        rule: 'encoding',
        line: 0,
        message:
          `The file is UTF-16 (${issue.byteOrder}${issue.withBom ? '' : ', without a byte-order mark'}), not UTF-8, ` +
          `so it was not read further.`,
        fix: 'Save the file as UTF-8 (in Excel: Save As, "CSV UTF-8"; in a text editor: encoding UTF-8).',
      });
      return;
    case 'cr-line-ends':
      findings.add({
        rule: 'cr-line-ends',
        line: 1,
        message:
          'Line 1 ends with a carriage return (CR) alone, as on classic Mac OS: a CSV reader sees the whole file ' +
          'as one line, so it was not read further.',
      });
      return;
  }
}

/** The character a bad byte was decoded as: the cell holding it is the one to fix. */
const MARKERS: Record<LineByteIssue['kind'], string> = {
  'invalid-utf8': '\uFFFD',
  'lone-surrogate': '\uFFFD',
  nul: '\u0000',
};

/** An issue on one line; `record` is the record that holds the line, when known. */
export function reportByteIssue(
  issue: LineByteIssue,
  record: CsvRow | undefined,
  columns: readonly string[],
  findings: FileFindings,
): void {
  const cellIndex = record ? record.cells().findIndex((cell) => cell.includes(MARKERS[issue.kind])) : -1;
  const inCell = cellIndex < 0 ? '' : ` in ${describeCell(cellIndex, columns)}`;
  const line = issue.line;
  const base = {
    line,
    column: cellIndex < 0 ? undefined : columns[cellIndex],
    columnNumber: cellIndex < 0 ? undefined : cellIndex + 1,
    value: issue.sample,
  };
  switch (issue.kind) {
    case 'invalid-utf8':
      findings.add({
        ...base,
        rule: 'encoding',
        message:
          `Line ${line} holds bytes that are not valid UTF-8${inCell} (shown as \uFFFD); the file was probably ` +
          `saved as Windows-1252 or Latin-1.`,
      });
      return;
    case 'lone-surrogate':
      findings.add({
        ...base,
        rule: 'lone-surrogate',
        message:
          `Line ${line}${inCell} holds a lone UTF-16 surrogate written as bytes (ED A0..BF, as CESU-8 or WTF-8 ` +
          `writers do): half a character, shown as \uFFFD.`,
      });
      return;
    case 'nul':
      findings.add({ ...base, rule: 'nul-byte', message: `Line ${line} holds a NUL byte${inCell} (shown as \u2400).` });
      return;
  }
}

/** `column "Name"`, or `cell 9` beyond the known columns. */
export function describeCell(index: number, columns: readonly string[]): string {
  const name = columns[index];
  return name === undefined ? `cell ${index + 1}` : `column "${name}"`;
}
