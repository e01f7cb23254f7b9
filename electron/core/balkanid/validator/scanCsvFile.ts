// Reads one CSV file record by record: reports encoding, line-end and quoting findings, checks the header, hands data
// rows on.
import type { ByteIssue, LineByteIssue } from './byteChecks';
import { checkHeader, isRepeatedHeader, type HeaderSpec } from './checkHeader';
import type { CsvRow } from './csvRows';
import type { QuotingIssue } from './csvTokenizer';
import type { FileFindings } from './findingCollector';
import { readCsvRows, type ByteChunks } from './readCsvRecords';
import { describeCell, reportByteIssue, reportFileByteIssue } from './reportByteIssues';

export interface FileScanResult {
  /** False when the header was wrong (row checks were skipped) or the file could not be decoded at all. */
  headerOk: boolean;
  rows: number;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Bytes read so far from this file, rows so far. */
  onProgress?: (bytesRead: number, rows: number) => void;
}

/** "A" of App, the first column of both files: only a row starting so can be the header again. */
const FIRST_COLUMN_INITIAL = 0x41;
/** Byte issues wait (a few) for the record holding their line, to name the cell; past this many they go without. */
const MAX_WAITING_BYTE_ISSUES = 100;

/**
 * Data rows go to onRow only while the header is right; a wrong header makes row checks meaningless. A row is valid
 * only during the call (see CsvRow).
 */
export async function scanCsvFile(
  chunks: ByteChunks,
  spec: HeaderSpec,
  findings: FileFindings,
  onRow: (row: CsvRow) => void,
  options: ScanOptions = {},
): Promise<FileScanResult> {
  const state = new ScanState(spec, findings);
  let bytesRead = 0;
  await readCsvRows(chunks, {
    onByteIssue: (issue) => state.byteIssue(issue),
    onRow: (row) => {
      if (state.record(row)) onRow(row);
    },
    onChunk: (bytes) => {
      bytesRead += bytes;
      options.signal?.throwIfAborted();
      options.onProgress?.(bytesRead, state.rows);
    },
  });
  return state.finish();
}

/** What one file's scan has seen so far; `record` says whether a record goes on to the row checks. */
class ScanState {
  rows = 0;
  private header: boolean | undefined;
  private unreadable = false;
  private readonly lineEnds = { total: 0, lfOnly: 0, firstLfLine: 0 };
  private waiting: LineByteIssue[] = [];

  constructor(
    private readonly spec: HeaderSpec,
    private readonly findings: FileFindings,
  ) {}

  byteIssue(issue: ByteIssue): void {
    if (!('line' in issue)) {
      if (issue.kind === 'utf16' || issue.kind === 'cr-line-ends') this.unreadable = true;
      reportFileByteIssue(issue, this.findings);
    } else if (this.waiting.length < MAX_WAITING_BYTE_ISSUES) this.waiting.push(issue);
    else reportByteIssue(issue, undefined, [], this.findings);
  }

  record(record: CsvRow): boolean {
    this.placeByteIssues(record);
    this.countLineEnd(record);
    const findings = this.findings;
    if (record.blank) {
      findings.add({ rule: 'blank-line', line: record.line, message: `Line ${record.line} is empty; it was skipped.` });
      return false;
    }
    // After a wrong header only file-level checks go on: bytes, line ends, blank lines, an unclosed quote.
    const columns = this.header === false ? [] : this.spec.columns;
    if (record.unterminated) reportUnterminated(record, columns, findings);
    if (record.quoting && this.header !== false) reportQuoting(record, columns, findings);
    if (this.header === undefined) {
      this.header = checkHeader(record, this.spec, findings);
      return false;
    }
    this.rows++;
    if (
      this.header &&
      record.firstCharCode(0) === FIRST_COLUMN_INITIAL &&
      isRepeatedHeader(record, this.spec.columns)
    ) {
      findings.add({
        rule: 'header',
        line: record.line,
        message: `Line ${record.line} repeats the header row: were two files joined, or the header written twice?`,
        fix: 'Remove the repeated header line.',
      });
      return false;
    }
    return this.header && !record.unterminated;
  }

  finish(): FileScanResult {
    this.placeByteIssues(undefined);
    if (this.header === undefined && !this.unreadable) checkHeader(undefined, this.spec, this.findings);
    if (this.header === true && this.rows === 0) {
      this.findings.add({
        rule: 'no-rows',
        line: 0,
        message: `The ${this.spec.fileLabel} file has a header but no data rows, so there is nothing to upload.`,
      });
    }
    const { lfOnly, total, firstLfLine } = this.lineEnds;
    if (lfOnly > 0) {
      this.findings.add({
        rule: 'lf-line-ends',
        line: firstLfLine,
        message:
          `${lfOnly.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} line ends are LF only (the first ` +
          `on line ${firstLfLine}); CRLF is recommended.`,
      });
    }
    return { headerOk: this.header === true, rows: this.rows };
  }

  /** Byte issues on the lines of this record are reported with the cell they are in (at the end: with none). */
  private placeByteIssues(record: CsvRow | undefined): void {
    if (this.waiting.length === 0) return;
    const columns = this.header === false ? [] : this.spec.columns;
    const kept: LineByteIssue[] = [];
    for (const issue of this.waiting) {
      if (!record || issue.line <= record.lastLine) reportByteIssue(issue, record, columns, this.findings);
      else kept.push(issue);
    }
    this.waiting = kept;
  }

  private countLineEnd(record: CsvRow): void {
    if (record.lineEnd === 'eof') return;
    this.lineEnds.total++;
    if (record.lineEnd !== 'lf') return;
    this.lineEnds.lfOnly++;
    if (this.lineEnds.firstLfLine === 0) this.lineEnds.firstLfLine = record.line;
  }
}

const QUOTING_MESSAGES: Record<Exclude<QuotingIssue['kind'], 'lone-cr'>, string> = {
  'quote-in-unquoted-cell': 'a double quote appears inside a cell that does not start with one',
  'text-after-closing-quote': 'text follows the closing quote of a quoted cell',
};

function reportUnterminated(record: CsvRow, columns: readonly string[], findings: FileFindings): void {
  const { line, cellIndex } = record.unterminated!;
  findings.add({
    rule: 'unterminated-quote',
    line: record.line,
    column: columns[cellIndex],
    columnNumber: cellIndex + 1,
    value: record.cell(cellIndex),
    message:
      `Line ${record.line}: the quoted cell in ${describeCell(cellIndex, columns)} opened on line ${line} is ` +
      `never closed, so everything after it up to the end of the file was read as one cell.`,
  });
}

/** Misplaced quotes (errors) and CRs outside quotes (warnings), one finding per affected cell and kind. */
function reportQuoting(record: CsvRow, columns: readonly string[], findings: FileFindings): void {
  const seen = new Set<string>();
  for (const issue of record.quoting ?? []) {
    const rule = issue.kind === 'lone-cr' ? 'lone-cr' : 'bad-quoting';
    if (seen.has(`${rule}:${issue.cellIndex}`)) continue;
    seen.add(`${rule}:${issue.cellIndex}`);
    const onLine = issue.line === record.line ? '' : ` (on line ${issue.line})`;
    const what =
      issue.kind === 'lone-cr'
        ? 'a carriage return (CR) without a line feed stands outside quotes; it was kept as part of the value'
        : QUOTING_MESSAGES[issue.kind];
    findings.add({
      rule,
      line: record.line,
      column: columns[issue.cellIndex],
      columnNumber: issue.cellIndex + 1,
      value: record.cell(issue.cellIndex),
      message: `Line ${record.line}, ${describeCell(issue.cellIndex, columns)}: ${what}${onLine}.`,
    });
  }
}
