// Checks a header row against the exact column list and explains each missing, extra, misplaced or misspelt column.
import type { FileFindings } from './findingCollector';
import type { CsvRow } from './csvRows';

export interface HeaderSpec {
  /** The columns this file must have, in order. */
  columns: readonly string[];
  /** The other file's columns, to recognise swapped files. */
  otherColumns: readonly string[];
  /** What this file is called in messages, e.g. "entities". */
  fileLabel: string;
  otherFileLabel: string;
}

/** Returns true when the header is exactly right; otherwise reports why (rule `header`) and returns false. */
export function checkHeader(record: CsvRow | undefined, spec: HeaderSpec, findings: FileFindings): boolean {
  const fix = `Make the first line exactly: ${spec.columns.join(',')}`;
  if (!record) {
    findings.add({
      rule: 'header',
      line: 0,
      message: `The ${spec.fileLabel} file is empty: it has no header row.`,
      fix,
    });
    return false;
  }
  const cells = record.cells();
  if (cells.length === spec.columns.length && cells.every((cell, i) => cell === spec.columns[i])) return true;
  const line = record.line;
  if (sameNames(cells, spec.otherColumns)) {
    findings.add({
      rule: 'header',
      line,
      message:
        `Line ${line} is the header of an ${spec.otherFileLabel} file, not of an ${spec.fileLabel} file. Were ` +
        `the two files swapped?`,
      fix: `Choose the ${spec.fileLabel} file here and the ${spec.otherFileLabel} file in the other slot.`,
    });
    return false;
  }
  if (reportOtherSeparator(cells, line, spec, findings)) return false;
  for (const problem of describeHeaderProblems(cells, spec.columns)) {
    findings.add({
      rule: 'header',
      line,
      column: problem.column,
      columnNumber: problem.columnNumber,
      message: `Header (line ${line}): ${problem.message}.`,
      fix,
      value: problem.value,
    });
  }
  return false;
}

const OTHER_SEPARATORS: [string, string][] = [
  [';', 'semicolons (;)'],
  ['\t', 'tabs'],
  ['|', 'vertical bars (|)'],
];

/**
 * A header that is one cell holding the columns joined by another character: the file was saved with that separator
 * (a spreadsheet in a locale whose decimal mark is the comma writes semicolons). One finding says so.
 */
function reportOtherSeparator(
  cells: readonly string[],
  line: number,
  spec: HeaderSpec,
  findings: FileFindings,
): boolean {
  if (cells.length !== 1) return false;
  const found = OTHER_SEPARATORS.find(([separator]) => sameNames(cells[0]!.split(separator), spec.columns));
  if (!found) return false;
  findings.add({
    rule: 'header',
    line,
    columnNumber: 1,
    value: cells[0],
    message:
      `Header (line ${line}): the values are separated by ${found[1]}, not commas, so each line reads as one ` +
      `cell.`,
    fix: 'Save the file as CSV with commas between values (in Excel: "CSV UTF-8 (Comma delimited)").',
  });
  return true;
}

/** A data row that is the header again (two files joined, or a header written twice). */
export function isRepeatedHeader(row: CsvRow, columns: readonly string[]): boolean {
  return row.cellCount === columns.length && columns.every((column, index) => row.cellEquals(index, column));
}

interface HeaderProblem {
  column: string | undefined;
  /** The header cell it is about; undefined for a column that is missing. */
  columnNumber?: number;
  message: string;
  value: string;
}

type PlacedProblem = { at: number; problem: HeaderProblem };

function describeHeaderProblems(cells: readonly string[], columns: readonly string[]): HeaderProblem[] {
  const actual = cells.map(normalise);
  const wanted = columns.map(normalise);
  const positions = wanted.map((name) => actual.indexOf(name));
  if (positions.every((position) => position < 0)) {
    const start = cells.slice(0, 3).join(',');
    const message =
      `the first line has none of the ${columns.length} columns, so it is not a header (it starts with ` +
      `"${start}")`;
    return [{ column: undefined, columnNumber: 1, value: cells.join(','), message }];
  }
  const problems = [
    ...wantedColumnProblems(cells, columns, positions),
    ...otherCellProblems(cells, columns, positions, actual, wanted),
  ];
  return problems.sort((a, b) => a.at - b.at).map((entry) => entry.problem);
}

/** Each documented column: missing, out of place, or spelt differently. */
function wantedColumnProblems(
  cells: readonly string[],
  columns: readonly string[],
  positions: readonly number[],
): PlacedProblem[] {
  const inOrder = longestIncreasingSubset(positions);
  const problems: PlacedProblem[] = [];
  columns.forEach((column, j) => {
    const k = positions[j]!;
    if (k < 0) {
      const message = `column "${column}" is missing; it must be column ${j + 1}`;
      problems.push({ at: j, problem: { column, value: '', message } });
    } else if (!inOrder.has(j)) {
      const shown = cells[k] === column ? `"${column}"` : `"${cells[k]}" ("${column}")`;
      const message = `column ${k + 1} ${shown} is out of place; it must be column ${j + 1}`;
      problems.push({ at: k, problem: { column, columnNumber: k + 1, value: cells[k]!, message } });
    } else if (cells[k] !== column) {
      const difference = spellingDifference(cells[k]!, column);
      const message = `column ${k + 1} is "${cells[k]}" but must be "${column}" (${difference})`;
      problems.push({ at: k, problem: { column, columnNumber: k + 1, value: cells[k]!, message } });
    }
  });
  return problems;
}

/** Header cells that are none of the columns, or repeat one. */
function otherCellProblems(
  cells: readonly string[],
  columns: readonly string[],
  positions: readonly number[],
  actual: readonly string[],
  wanted: readonly string[],
): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  cells.forEach((cell, k) => {
    const j = wanted.indexOf(actual[k]!);
    if (j < 0) {
      const message =
        cell.trim() === ''
          ? `column ${k + 1} has no name; remove it (an empty header cell often comes from a trailing comma)`
          : `column ${k + 1} "${cell}" is not one of the columns; remove it`;
      const column = cell.trim() === '' ? undefined : cell;
      problems.push({ at: k, problem: { column, columnNumber: k + 1, value: cell, message } });
    } else if (positions[j] !== k) {
      const message = `column ${k + 1} repeats "${cell}"; remove it`;
      problems.push({ at: k, problem: { column: columns[j]!, columnNumber: k + 1, value: cell, message } });
    }
  });
  return problems;
}

function normalise(name: string): string {
  return name.replaceAll('*', '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function sameNames(cells: readonly string[], columns: readonly string[]): boolean {
  return cells.length === columns.length && cells.every((cell, i) => normalise(cell) === normalise(columns[i]!));
}

/** Says how `actual` differs from `expected` when the two normalise alike. */
function spellingDifference(actual: string, expected: string): string {
  const reasons: string[] = [];
  const withoutStar = actual.replaceAll('*', '');
  const spaced = withoutStar.trim().replace(/\s+/g, ' ');
  if (withoutStar !== actual) reasons.push('remove the "*"');
  if (spaced !== withoutStar) reasons.push('extra spaces');
  if (spaced !== expected) reasons.push('case differs');
  return reasons.join(', ');
}

/** Indexes j (of positions >= 0) forming the longest run whose positions increase: those columns are in order. */
function longestIncreasingSubset(positions: readonly number[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  positions.forEach((position, j) => {
    length[j] = 0;
    previous[j] = -1;
    if (position < 0) return;
    length[j] = 1;
    for (let i = 0; i < j; i++) {
      if (positions[i]! >= 0 && positions[i]! < position && length[i]! + 1 > length[j]) {
        length[j] = length[i]! + 1;
        previous[j] = i;
      }
    }
    if (best < 0 || length[j] > length[best]!) best = j;
  });
  const kept = new Set<number>();
  for (let j = best; j >= 0; j = previous[j]!) kept.add(j);
  return kept;
}
