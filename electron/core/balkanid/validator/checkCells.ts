// Row checks shared by both files: cell count, required cells, formula-like and over-long cells, okta values, entity
// types, Metadata.
import { ENTITY_TYPES, METADATA_VERSION, SOURCE_SYSTEM } from '../../../../shared/balkanid/columns';
import type { CsvRecord } from './csvTokenizer';
import type { FileFindings } from './findingCollector';

export const MAX_CELL_CHARS = 32_000;

/** = + - @ tab CR: characters that make spreadsheet programs treat a cell as a formula. */
function startsLikeFormula(cell: string): boolean {
  const c = cell.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}
const FORMULA_START_NAMES: Record<string, string> = { '\t': 'a tab', '\r': 'a carriage return' };

/** A data row whose header was correct, with cell lookup by column name. */
export class Row {
  constructor(
    readonly record: CsvRecord,
    readonly columns: readonly string[],
    readonly findings: FileFindings,
  ) {}

  get line(): number {
    return this.record.line;
  }

  cell(column: string): string {
    return this.record.cells[this.columns.indexOf(column)] ?? '';
  }

  /** True length, also for cells the reader cut short. */
  lengthOf(index: number): number {
    return this.record.cutCells?.find((cut) => cut.index === index)?.length ?? this.record.cells[index]?.length ?? 0;
  }

  isCut(column: string): boolean {
    const index = this.columns.indexOf(column);
    return this.record.cutCells?.some((cut) => cut.index === index) ?? false;
  }

  where(column?: string): string {
    return column === undefined ? `Line ${this.line}` : `Line ${this.line}, column "${column}"`;
  }
}

/** Reports a row whose cell count differs from the header; the rest of its checks would be guesses. */
export function checkCellCount(row: Row): boolean {
  const count = row.record.cellCount;
  if (count === row.columns.length) return true;
  const hint = count > row.columns.length ? ' A comma inside a value needs double quotes around the whole value.' : '';
  row.findings.add({
    rule: 'cell-count',
    line: row.line,
    message:
      `${row.where()}: the row has ${count} cell${count === 1 ? '' : 's'} but the header has ` +
      `${row.columns.length}.${hint}`,
  });
  return false;
}

export function checkEveryCell(row: Row): void {
  const cells = row.record.cells;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index]!;
    if (startsLikeFormula(cell)) reportFormula(row, index, cell);
    if (cell.length >= MAX_CELL_CHARS) reportIfTooLong(row, index, cell);
  }
}

function reportFormula(row: Row, index: number, cell: string): void {
  const column = row.columns[index]!;
  const first = cell.charAt(0);
  const shown = FORMULA_START_NAMES[first] ?? `"${first}"`;
  row.findings.add({
    rule: 'formula-injection',
    line: row.line,
    column,
    value: cell,
    message: `${row.where(column)}: the value starts with ${shown}, so a spreadsheet program may run it as a formula.`,
  });
}

function reportIfTooLong(row: Row, index: number, cell: string): void {
  const length = row.lengthOf(index);
  if (length <= MAX_CELL_CHARS) return;
  const column = row.columns[index]!;
  row.findings.add({
    rule: 'cell-too-long',
    line: row.line,
    column,
    value: cell,
    message:
      `${row.where(column)}: the value is ${length.toLocaleString('en-US')} characters long (more than ` +
      `${MAX_CELL_CHARS.toLocaleString('en-US')}).`,
  });
}

export function checkRequiredCells(row: Row, required: readonly string[]): void {
  for (const column of required) {
    const value = row.cell(column);
    if (value.trim() !== '') continue;
    const what = value === '' ? 'is empty' : 'holds only spaces';
    row.findings.add({
      rule: 'required-cell',
      line: row.line,
      column,
      value,
      message: `${row.where(column)}: this required cell ${what}.`,
    });
  }
}

/** Warns when a filled App or Source System cell is not exactly "okta" (an empty App is allowed: it is optional). */
export function checkOktaValues(row: Row): void {
  const app = row.cell('App');
  if (app !== '' && app !== SOURCE_SYSTEM) {
    row.findings.add({
      rule: 'app-not-okta',
      line: row.line,
      column: 'App',
      value: app,
      message: `${row.where('App')}: App is "${app}", not "okta".`,
    });
  }
  const system = row.cell('Source System');
  if (system.trim() !== '' && system !== SOURCE_SYSTEM) {
    row.findings.add({
      rule: 'source-system-not-okta',
      line: row.line,
      column: 'Source System',
      value: system,
      message: `${row.where('Source System')}: Source System is "${system}", not "okta".`,
    });
  }
}

/** Reports a filled type cell that is not identity, connection or resource; returns true when the type is valid. */
export function checkEntityTypeCell(row: Row, column: string): boolean {
  const value = row.cell(column);
  if ((ENTITY_TYPES as readonly string[]).includes(value)) return true;
  if (value.trim() === '') return false; // reported as a required cell
  const lower = value.trim().toLowerCase();
  const hint = (ENTITY_TYPES as readonly string[]).includes(lower)
    ? ` Write it as "${lower}" (lowercase, no spaces).`
    : ' It must be identity, connection or resource.';
  row.findings.add({
    rule: 'entity-type',
    line: row.line,
    column,
    value,
    message: `${row.where(column)}: "${value}" is not an entity type.${hint}`,
  });
  return false;
}

export type MetadataResult =
  { kind: 'empty' } | { kind: 'object'; value: Record<string, unknown> } | { kind: 'invalid' };

/**
 * Checks Metadata Version and Metadata (JSON object, boolean privilegeValue); returns the parsed object when usable.
 */
export function checkMetadata(row: Row): MetadataResult {
  const version = row.cell('Metadata Version');
  const text = row.cell('Metadata');
  if (version !== '' && version !== METADATA_VERSION) {
    row.findings.add({
      rule: 'metadata-version',
      line: row.line,
      column: 'Metadata Version',
      value: version,
      message:
        `${row.where('Metadata Version')}: the version is "${version}" but the only known version is ` +
        `"${METADATA_VERSION}".`,
    });
  }
  if (text === '') return { kind: 'empty' };
  if (version === '') {
    row.findings.add({
      rule: 'metadata-version',
      line: row.line,
      column: 'Metadata Version',
      value: version,
      message: `${row.where('Metadata Version')}: Metadata is filled in but Metadata Version is empty.`,
    });
  }
  if (row.isCut('Metadata')) return { kind: 'invalid' }; // too long to parse; reported as cell-too-long
  const parsed = parseJson(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    const problem = parsed.ok
      ? `is ${describeJsonKind(parsed.value)}, not a JSON object`
      : `is not valid JSON (${parsed.reason})`;
    row.findings.add({
      rule: 'metadata-json',
      line: row.line,
      column: 'Metadata',
      value: text,
      message: `${row.where('Metadata')}: Metadata ${problem}.`,
    });
    return { kind: 'invalid' };
  }
  const value = parsed.value as Record<string, unknown>;
  if (Object.hasOwn(value, 'privilegeValue') && typeof value.privilegeValue !== 'boolean') {
    row.findings.add({
      rule: 'privilege-value',
      line: row.line,
      column: 'Metadata',
      value: text,
      message:
        `${row.where('Metadata')}: privilegeValue is ${JSON.stringify(value.privilegeValue)} ` +
        `(${describeJsonKind(value.privilegeValue)}), not true or false.`,
    });
  }
  return { kind: 'object', value };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'an object';
}
