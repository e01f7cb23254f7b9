// Row checks shared by both files: cell count, required cells, formula-like and over-long cells, okta values, entity
// types.
import { ENTITY_TYPES, SOURCE_SYSTEM, type EntityType } from '../../../../shared/balkanid/columns';
import type { CsvRow } from './csvRows';
import type { FileFindings } from './findingCollector';

export const MAX_CELL_CHARS = 32_000;

/** = + - @ tab CR: characters that make spreadsheet programs treat a cell as a formula. */
function startsLikeFormula(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}
const FORMULA_START_NAMES: Record<string, string> = { '\t': 'a tab', '\r': 'a carriage return' };

/** A data row whose header was correct: cells by position (the header's order), findings with their place. */
export class Row {
  /** The row being checked; one Row is reused for every row of a file (rows come one at a time). */
  record!: CsvRow;

  constructor(
    readonly columns: readonly string[],
    readonly findings: FileFindings,
  ) {}

  /** Points this view at the next row. */
  of(record: CsvRow): this {
    this.record = record;
    return this;
  }

  get line(): number {
    return this.record.line;
  }

  cell(index: number): string {
    return this.record.cell(index);
  }

  is(index: number, text: string): boolean {
    return this.record.cellEquals(index, text);
  }

  isEmpty(index: number): boolean {
    return this.record.writtenLength(index) === 0;
  }

  where(index?: number): string {
    return index === undefined ? `Line ${this.line}` : `Line ${this.line}, column "${this.columns[index]}"`;
  }

  /** Reports a finding about one cell, with its column name, position and value. */
  addCell(rule: Parameters<FileFindings['add']>[0]['rule'], index: number, message: string, value?: string): void {
    this.findings.add({
      rule,
      line: this.line,
      column: this.columns[index],
      columnNumber: index + 1,
      value: value ?? this.cell(index),
      message,
    });
  }
}

/** Reports a row whose cell count differs from the header; the rest of its checks would be guesses. */
export function checkCellCount(row: Row): boolean {
  const count = row.record.cellCount;
  const expected = row.columns.length;
  if (count === expected) return true;
  const hint = count > expected ? ' A comma inside a value needs double quotes around the whole value.' : '';
  row.findings.add({
    rule: 'cell-count',
    line: row.line,
    columnNumber: Math.min(count, expected) + (count > expected ? 1 : 0),
    column: count > expected ? undefined : row.columns[count],
    value: row.record.cells().slice(0, 12).join(','),
    message:
      `${row.where()}: the row has ${count} cell${count === 1 ? '' : 's'} but the header has ${expected}.` +
      (count < expected ? ` The first missing cell is "${row.columns[count]}".` : '') +
      hint,
  });
  return false;
}

export function checkEveryCell(row: Row): void {
  const record = row.record;
  const count = Math.min(record.cellCount, row.columns.length);
  for (let index = 0; index < count; index++) {
    if (startsLikeFormula(record.firstCharCode(index))) reportFormula(row, index, row.cell(index));
    if (record.writtenLength(index) > MAX_CELL_CHARS && record.cellLength(index) > MAX_CELL_CHARS)
      reportTooLong(row, index);
  }
}

function reportFormula(row: Row, index: number, cell: string): void {
  const first = cell.charAt(0);
  const shown = FORMULA_START_NAMES[first] ?? `"${first}"`;
  row.addCell(
    'formula-injection',
    index,
    `${row.where(index)}: the value starts with ${shown}, so a spreadsheet program may run it as a formula.`,
  );
}

function reportTooLong(row: Row, index: number): void {
  row.addCell(
    'cell-too-long',
    index,
    `${row.where(index)}: the value is ${row.record.cellLength(index).toLocaleString('en-US')} characters long ` +
      `(more than ${MAX_CELL_CHARS.toLocaleString('en-US')}).`,
  );
}

export function checkRequiredCells(row: Row, required: readonly number[]): void {
  for (const index of required) {
    const first = row.record.firstCharCode(index);
    if (first > 0x20 || (first >= 0 && row.cell(index).trim() !== '')) continue;
    const what = first < 0 ? 'is empty' : 'holds only spaces';
    row.addCell('required-cell', index, `${row.where(index)}: this required cell ${what}.`);
  }
}

/** Warns when a filled App or Source System cell is not exactly "okta" (an empty App is allowed: it is optional). */
export function checkOktaValues(row: Row, appIndex: number, systemIndex: number): void {
  if (!row.isEmpty(appIndex) && !row.is(appIndex, SOURCE_SYSTEM)) {
    row.addCell('app-not-okta', appIndex, `${row.where(appIndex)}: App is "${row.cell(appIndex)}", not "okta".`);
  }
  if (!row.is(systemIndex, SOURCE_SYSTEM) && row.cell(systemIndex).trim() !== '') {
    row.addCell(
      'source-system-not-okta',
      systemIndex,
      `${row.where(systemIndex)}: Source System is "${row.cell(systemIndex)}", not "okta".`,
    );
  }
}

/** Where both files' columns sit for the checks every row gets. */
export interface CommonColumns {
  app: number;
  sourceSystem: number;
  required: readonly number[];
}

/**
 * The checks every data row of either file gets: cell count (false when it is wrong, and the row is not checked
 * further, since its cells are not where the header says), every cell, the required cells, and the "okta" cells.
 */
export function checkCommonCells(row: Row, columns: CommonColumns): boolean {
  if (!checkCellCount(row)) return false;
  checkEveryCell(row);
  checkRequiredCells(row, columns.required);
  checkOktaValues(row, columns.app, columns.sourceSystem);
  return true;
}

/** The entity type in a cell, without making a string: the first letter picks the one word it can be. */
function entityTypeIn(row: Row, index: number): EntityType | undefined {
  const first = row.record.firstCharCode(index);
  const candidate =
    first === 0x69 ? 'identity' : first === 0x63 ? 'connection' : first === 0x72 ? 'resource' : undefined;
  return candidate !== undefined && row.is(index, candidate) ? candidate : undefined;
}

/** Reports a filled type cell that is not identity, connection or resource; returns the type when it is valid. */
export function checkEntityTypeCell(row: Row, index: number): EntityType | undefined {
  const type = entityTypeIn(row, index);
  if (type) return type;
  const value = row.cell(index);
  if (value.trim() === '') return undefined; // reported as a required cell
  const lower = value.trim().toLowerCase();
  const hint = (ENTITY_TYPES as readonly string[]).includes(lower)
    ? ` Write it as "${lower}" (lowercase, no spaces).`
    : ' It must be identity, connection or resource.';
  row.addCell('entity-type', index, `${row.where(index)}: "${value}" is not an entity type.${hint}`);
  return undefined;
}
