// Reads one CSV file record by record: reports encoding, line-end and quoting findings, checks the header, hands data
// rows on.
import type { ByteIssue } from './byteChecks';
import { checkHeader, type HeaderSpec } from './checkHeader';
import type { CsvRecord, QuotingIssue } from './csvTokenizer';
import type { FileFindings } from './findingCollector';
import { readCsvRecordBatches, type ByteChunks } from './readCsvRecords';

export interface FileScanResult {
  /** False when the header was wrong (row checks were skipped) or the file could not be decoded at all. */
  headerOk: boolean;
  rows: number;
}

/** Data rows go to onRow only while the header is right; a wrong header makes row checks meaningless. */
export async function scanCsvFile(
  chunks: ByteChunks,
  spec: HeaderSpec,
  findings: FileFindings,
  onRow: (record: CsvRecord) => void,
): Promise<FileScanResult> {
  let utf16 = false;
  const onByteIssue = (issue: ByteIssue) => {
    if (issue.kind === 'utf16') utf16 = true;
    reportByteIssue(issue, findings);
  };
  const lineEnds = { total: 0, lfOnly: 0, firstLfLine: 0 };
  let header: boolean | undefined;
  let rows = 0;
  for await (const batch of readCsvRecordBatches(chunks, onByteIssue)) {
    for (const record of batch) {
      countLineEnd(record, lineEnds);
      if (record.blank) {
        findings.add({
          rule: 'blank-line',
          line: record.line,
          message: `Line ${record.line} is empty; it was skipped.`,
        });
        continue;
      }
      // After a wrong header only file-level checks go on: bytes, line ends, blank lines, an unclosed quote.
      if (record.unterminated) reportUnterminated(record, header === false ? [] : spec.columns, findings);
      if (record.quoting && header !== false) reportQuoting(record, spec.columns, findings);
      if (header === undefined) {
        header = checkHeader(record, spec, findings);
        continue;
      }
      rows++;
      if (header && !record.unterminated) onRow(record);
    }
  }
  if (header === undefined && !utf16) checkHeader(undefined, spec, findings);
  if (lineEnds.lfOnly > 0) {
    findings.add({
      rule: 'lf-line-ends',
      line: lineEnds.firstLfLine,
      message:
        `${lineEnds.lfOnly.toLocaleString('en-US')} of ${lineEnds.total.toLocaleString('en-US')} line ends are ` +
        `LF only (the first on line ${lineEnds.firstLfLine}); CRLF is recommended.`,
    });
  }
  return { headerOk: header === true, rows };
}

function countLineEnd(record: CsvRecord, counts: { total: number; lfOnly: number; firstLfLine: number }): void {
  if (record.lineEnd === 'eof') return;
  counts.total++;
  if (record.lineEnd !== 'lf') return;
  counts.lfOnly++;
  if (counts.firstLfLine === 0) counts.firstLfLine = record.line;
}

function reportByteIssue(issue: ByteIssue, findings: FileFindings): void {
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
        message: `The file is UTF-16 (${issue.byteOrder}), not UTF-8, so it was not read further.`,
        fix: 'Save the file as UTF-8 (in Excel: Save As, "CSV UTF-8"; in a text editor: encoding UTF-8).',
      });
      return;
    case 'invalid-utf8':
      findings.add({
        rule: 'encoding',
        line: issue.line,
        value: issue.sample,
        message:
          `Line ${issue.line} holds bytes that are not valid UTF-8 (shown as \uFFFD); the file was probably ` +
          `saved as Windows-1252 or Latin-1.`,
      });
      return;
    case 'nul':
      findings.add({
        rule: 'nul-byte',
        line: issue.line,
        value: issue.sample,
        message: `Line ${issue.line} holds a NUL byte (shown as \u2400).`,
      });
      return;
  }
}

const QUOTING_MESSAGES: Record<QuotingIssue['kind'], string> = {
  'quote-in-unquoted-cell': 'a double quote appears inside a cell that does not start with one',
  'text-after-closing-quote': 'text follows the closing quote of a quoted cell',
  'lone-cr': 'a carriage return (CR) without a line feed stands outside quotes (an old Mac line end, or a stray CR)',
};

function reportUnterminated(record: CsvRecord, columns: readonly string[], findings: FileFindings): void {
  const { line, cellIndex } = record.unterminated!;
  findings.add({
    rule: 'unterminated-quote',
    line: record.line,
    column: columns[cellIndex],
    value: record.cells[cellIndex],
    message:
      `Line ${record.line}: the quoted cell in ${describeCell(cellIndex, columns)} opened on line ${line} is ` +
      `never closed, so everything after it up to the end of the file was read as one cell.`,
  });
}

/** Misplaced quotes or CRs, one finding per affected cell. */
function reportQuoting(record: CsvRecord, columns: readonly string[], findings: FileFindings): void {
  const seen = new Set<number>();
  for (const issue of record.quoting ?? []) {
    if (seen.has(issue.cellIndex)) continue;
    seen.add(issue.cellIndex);
    const onLine = issue.line === record.line ? '' : ` (on line ${issue.line})`;
    findings.add({
      rule: 'bad-quoting',
      line: record.line,
      column: columns[issue.cellIndex],
      value: record.cells[issue.cellIndex],
      message:
        `Line ${record.line}, ${describeCell(issue.cellIndex, columns)}: ` +
        `${QUOTING_MESSAGES[issue.kind]}${onLine}.`,
    });
  }
}

function describeCell(index: number, columns: readonly string[]): string {
  const name = columns[index];
  return name === undefined ? `cell ${index + 1}` : `column "${name}"`;
}
