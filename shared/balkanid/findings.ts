// Validation finding types and the rule table for BalkanID CSV files (Part C of balkanid-format.md); pure, no Node
// imports.

export type Severity = 'error' | 'warning';

/** One id per validation rule. The first group are errors, the second warnings (see RULES). */
export type RuleId =
  | 'encoding'
  | 'nul-byte'
  | 'header'
  | 'cell-count'
  | 'unterminated-quote'
  | 'bad-quoting'
  | 'required-cell'
  | 'entity-type'
  | 'metadata-json'
  | 'metadata-version'
  | 'duplicate-entity'
  | 'duplicate-relation'
  | 'unknown-relation-end'
  | 'privilege-value'
  | 'formula-injection'
  | 'bom'
  | 'lf-line-ends'
  | 'blank-line'
  | 'app-not-okta'
  | 'source-system-not-okta'
  | 'identity-without-username'
  | 'cell-too-long'
  | 'unreferenced-entity';

export interface RuleInfo {
  severity: Severity;
  title: string;
  /** Plain-language fix; a finding may carry a more specific one. */
  fix: string;
}

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  encoding: {
    severity: 'error',
    title: 'File is not UTF-8',
    fix:
      'Save the file as UTF-8 (in Excel: Save As, "CSV UTF-8"). Accented letters, CJK text and emoji must be ' +
      'stored as UTF-8.',
  },
  'nul-byte': {
    severity: 'error',
    title: 'NUL byte in the file',
    fix: 'Remove the NUL characters. They usually mean a binary or UTF-16 file was saved with a .csv name.',
  },
  header: {
    severity: 'error',
    title: 'Header row is wrong',
    fix:
      'Make the first line exactly the documented column names: same spelling, same case, same order, no "*", ' +
      'no extra columns.',
  },
  'cell-count': {
    severity: 'error',
    title: 'Row has the wrong number of cells',
    fix:
      'Give every row exactly as many cells as the header (8). A value holding a comma must be wrapped in ' +
      'double quotes.',
  },
  'unterminated-quote': {
    severity: 'error',
    title: 'Quoted cell is never closed',
    fix: 'Add the missing closing double quote. A double quote inside a quoted cell must be written twice ("").',
  },
  'bad-quoting': {
    severity: 'error',
    title: 'Quote or line break in the wrong place',
    fix:
      'Wrap the whole cell in double quotes and write every double quote inside it twice (""). A line break ' +
      'inside a value must be inside quotes.',
  },
  'required-cell': {
    severity: 'error',
    title: 'Required cell is empty',
    fix: 'Fill in the cell; BalkanID rejects rows where a required column is empty.',
  },
  'entity-type': {
    severity: 'error',
    title: 'Unknown entity type',
    fix: 'Use one of identity, connection or resource, in lowercase.',
  },
  'metadata-json': {
    severity: 'error',
    title: 'Metadata is not a JSON object',
    fix: 'Write Metadata as a JSON object such as {"username":"ada@example.com"}, or leave the cell empty.',
  },
  'metadata-version': {
    severity: 'error',
    title: 'Metadata Version is missing or not v1',
    fix: 'Set Metadata Version to v1 on every row that has Metadata.',
  },
  'duplicate-entity': {
    severity: 'error',
    title: 'Entity listed twice',
    fix: 'Keep one row per Source ID and Entity Type: remove or merge the repeated row.',
  },
  'duplicate-relation': {
    severity: 'error',
    title: 'Relation listed twice',
    fix: 'Remove the repeated row: each parent and child pair may appear only once.',
  },
  'unknown-relation-end': {
    severity: 'error',
    title: 'Relation points to an entity that is not in the entities file',
    fix:
      'Add the entity to the entities file, or correct the Source ID or type in this relation (Source IDs are ' +
      'case-sensitive).',
  },
  'privilege-value': {
    severity: 'error',
    title: 'privilegeValue is not a boolean',
    fix: 'Write privilegeValue as true or false, without quotes.',
  },
  'formula-injection': {
    severity: 'warning',
    title: 'Cell could run as a spreadsheet formula',
    fix:
      'BalkanID takes the value as text. Do not open and re-save the file in a spreadsheet program, where it ' +
      'may run as a formula; change the value if it came from an untrusted source.',
  },
  bom: {
    severity: 'warning',
    title: 'File starts with a byte-order mark (BOM)',
    fix: 'Accepted. To match the recommended dialect, save as UTF-8 without BOM.',
  },
  'lf-line-ends': {
    severity: 'warning',
    title: 'Lines end with LF only',
    fix: 'Accepted. The recommended dialect ends every line with CRLF.',
  },
  'blank-line': {
    severity: 'warning',
    title: 'Empty line',
    fix: 'Remove the empty line. It is skipped here and by most CSV readers, but some read it as a broken row.',
  },
  'app-not-okta': {
    severity: 'warning',
    title: 'App is not "okta"',
    fix: 'Set App to okta (lowercase), unless the row really belongs to another application.',
  },
  'source-system-not-okta': {
    severity: 'warning',
    title: 'Source System is not "okta"',
    fix: 'Set Source System to okta (lowercase), unless the row really comes from another system.',
  },
  'identity-without-username': {
    severity: 'warning',
    title: 'Identity has neither username nor email',
    fix: 'Add "username" or "email" to the identity\'s Metadata so BalkanID can match the account to a person.',
  },
  'cell-too-long': {
    severity: 'warning',
    title: 'Cell longer than 32,000 characters',
    fix: 'Shorten the value. Spreadsheet programs cut cells at 32,767 characters and some importers reject long cells.',
  },
  'unreferenced-entity': {
    severity: 'warning',
    title: 'Entities no relation mentions',
    fix:
      'Often fine (a user in no group, an app assigned to nobody). If unexpected, check that the relations file ' +
      'includes every relation kind.',
  },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export type FindingFile = 'entities' | 'relations';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: FindingFile;
  /** 1-based physical line where the record starts; 0 for a file-level finding. */
  line: number;
  /** Column name, when the finding concerns one cell or header column. */
  column?: string;
  message: string;
  fix: string;
  /** The offending cell, cut to about 200 characters. */
  value?: string;
}

export interface ValidatedFile {
  path: string;
  /** Data records after the header (blank lines not counted). */
  rows: number;
}

export interface ValidationReport {
  files: { entities?: ValidatedFile; relations?: ValidatedFile };
  errorCount: number;
  warningCount: number;
  /** Complete count of findings per rule, even where `findings` was capped. */
  countsByRule: Partial<Record<RuleId, number>>;
  /** Sorted by file, then line; at most maxFindingsPerRule per rule. */
  findings: Finding[];
  /** Entities no relation mentions; null when not computed (a file missing or a header wrong). */
  unreferencedEntityCount: number | null;
}
