// Checks one data row of an entitlements file (balkanid-format.md Part A.3): the cells every file gets checked for,
// Privilege Name and Privilege Value filled, the user named by Email, User ID or Username, and Connection / Resource
// given with their types. Part A.3 states no more: nothing stricter is asked here.
import {
  ENTITLEMENT_COLUMNS,
  PAIRED_ENTITLEMENT_COLUMNS,
  REQUIRED_ENTITLEMENT_COLUMNS,
  USER_REFERENCE_COLUMNS,
  type EntitlementColumn,
} from '../../../../shared/balkanid/entitlements';
import { Row, checkCellCount, checkEveryCell, checkRequiredCells } from './checkCells';
import type { CsvRow } from './csvRows';
import type { FileFindings } from './findingCollector';

const at = (column: EntitlementColumn) => ENTITLEMENT_COLUMNS.indexOf(column);
const REQUIRED = REQUIRED_ENTITLEMENT_COLUMNS.map(at);
const USER_REFERENCES = USER_REFERENCE_COLUMNS.map(at);
const PAIRS = PAIRED_ENTITLEMENT_COLUMNS.map(([first, second]) => [at(first), at(second)] as const);

export class EntitlementRowChecker {
  private readonly row: Row;

  constructor(findings: FileFindings) {
    this.row = new Row(ENTITLEMENT_COLUMNS, findings);
  }

  check(record: CsvRow): void {
    const row = this.row.of(record);
    if (!checkCellCount(row)) return;
    checkEveryCell(row);
    checkRequiredCells(row, REQUIRED);
    if (USER_REFERENCES.every((index) => row.isEmpty(index))) {
      row.findings.add({
        rule: 'no-user-reference',
        line: row.line,
        message: `${row.where()}: Email, User ID and Username are all empty, so the row names no user.`,
      });
    }
    for (const [first, second] of PAIRS) {
      if (row.isEmpty(first) === row.isEmpty(second)) continue;
      const [given, missing] = row.isEmpty(first) ? [second, first] : [first, second];
      row.addCell(
        'unpaired-cell',
        missing,
        `${row.where(missing)} is empty although "${ENTITLEMENT_COLUMNS[given]}" is "${row.cell(given)}".`,
      );
    }
  }
}
