// Validation finding types and the rule table for BalkanID CSV files (Part C of balkanid-format.md); pure, no Node
// imports.

export type Severity = 'error' | 'warning';

/** One id per validation rule. The first group are errors, the second warnings (see RULES). */
export type RuleId =
  | 'encoding'
  | 'lone-surrogate'
  | 'nul-byte'
  | 'cr-line-ends'
  | 'header'
  | 'no-rows'
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
  | 'no-user-reference'
  | 'unpaired-cell'
  | 'formula-injection'
  | 'bom'
  | 'lf-line-ends'
  | 'lone-cr'
  | 'blank-line'
  | 'app-not-okta'
  | 'source-system-not-okta'
  | 'identity-without-username'
  | 'cell-too-long'
  | 'self-relation'
  | 'empty-metadata'
  | 'metadata-timestamp'
  | 'unreferenced-entity';

export interface RuleInfo {
  severity: Severity;
  title: string;
  /** Plain-language fix; a finding may carry a more specific one. */
  fix: string;
  /** Why this severity, where balkanid-format.md Part C gives none and this project chose it. */
  severityReason?: string;
}

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  encoding: {
    severity: 'error',
    title: 'File is not UTF-8',
    fix:
      'Save the file as UTF-8 (in Excel: Save As, "CSV UTF-8"). Accented letters, CJK text and emoji must be ' +
      'stored as UTF-8.',
  },
  'lone-surrogate': {
    severity: 'error',
    title: 'Lone UTF-16 surrogate in a value',
    fix:
      'Fix the character where the file was made: half of an emoji or other character (a lone surrogate) cannot ' +
      'be stored as text, so a replacement character (U+FFFD) would be stored instead, changing the value.',
    severityReason:
      'Part C does not name it. An error like "not UTF-8": the bytes (or a JSON \\u escape in Metadata) are not ' +
      'valid Unicode text, and the replacement character a reader puts in its place changes a name, username or ' +
      'Source ID without a word.',
  },
  'nul-byte': {
    severity: 'error',
    title: 'NUL byte in the file',
    fix: 'Remove the NUL characters. They usually mean a binary or UTF-16 file was saved with a .csv name.',
  },
  'cr-line-ends': {
    severity: 'error',
    title: 'Lines end with CR only',
    fix: 'Save the file with CRLF (Windows) or LF line ends. Lines ending with CR alone come from classic Mac OS.',
    severityReason:
      'Part C accepts CRLF and, with a warning, LF. A reader that follows RFC 4180 sees a file whose lines end ' +
      'with CR alone as one endless line, so the file was not read further.',
  },
  header: {
    severity: 'error',
    title: 'Header row is wrong',
    fix:
      'Make the first line exactly the documented column names: same spelling, same case, same order, no "*", ' +
      'no extra columns.',
    severityReason:
      'Part C: a header that is not exactly the columns in order, with a "*" or another case, is an error.',
  },
  'no-rows': {
    severity: 'error',
    title: 'File has no data rows',
    fix: 'Export the file again, or choose the right file: a header alone has nothing for BalkanID to load.',
    severityReason:
      'Part C does not name it. An error because an upload with nothing in it is never what was meant: it ' +
      "would replace the integration's data with nothing.",
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
    title: 'Quote in the wrong place',
    fix:
      'Wrap the whole cell in double quotes and write every double quote inside it twice (""). A line break ' +
      'inside a value must be inside quotes.',
    severityReason:
      'Part C names the unterminated quote; a quote elsewhere outside RFC 4180 quoting is the same fault: a strict ' +
      'reader rejects the file, a lenient one (papaparse) keeps the quote as data, so what BalkanID would store is ' +
      'not certain.',
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
    severityReason: 'Part C: Metadata without Metadata Version, or a version other than v1, is an error.',
  },
  'duplicate-entity': {
    severity: 'error',
    title: 'Entity listed twice',
    fix: 'Keep one row per Source ID and Entity Type: remove or merge the repeated row.',
  },
  'duplicate-relation': {
    severity: 'error',
    title: 'Relation listed twice',
    fix:
      'Remove the repeated row, or merge the two: each parent and child pair may appear only once, also when the ' +
      'rows differ in Metadata.',
    severityReason:
      'Part C: a duplicate relation is an error. A relation is its two ends with their types; rows that differ ' +
      'only in Metadata are the same relation listed twice, and which Metadata would win is not defined.',
  },
  'unknown-relation-end': {
    severity: 'error',
    title: 'Relation points to an entity that is not in the entities file',
    fix:
      'Add the entity to the entities file, or correct the Source ID or type in this relation (Source IDs are ' +
      'case-sensitive).',
  },
  'no-user-reference': {
    severity: 'error',
    title: 'Entitlement names no user',
    fix: 'Give the user in at least one of Email, User ID and Username (Part A.3 requires one of them).',
  },
  'unpaired-cell': {
    severity: 'error',
    title: 'Connection or Resource without its type (or the other way round)',
    fix:
      'Fill Connection and Connection Type together (and Resource and Resource Type together), or leave both of the ' +
      'pair empty.',
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
  'lone-cr': {
    severity: 'warning',
    title: 'Carriage return (CR) outside quotes',
    fix:
      'Quote the cell if the CR belongs to the value, or remove it. A CR followed by LF is a line end; a CR ' +
      'alone is read as part of the value.',
    severityReason:
      'Part C lists a cell starting with CR as a warning and no error for a CR elsewhere in a value, so a lone CR ' +
      'is a warning: it is kept as data, not taken as a line end.',
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
  'self-relation': {
    severity: 'warning',
    title: 'Relation from an entity to itself',
    fix: 'Check the Source ID columns: the parent and the child are the same entity, which grants nothing.',
    severityReason:
      'Part C does not forbid it, so it is not an error; it is a warning because it grants no access and usually ' +
      'means a Source ID was copied into the wrong column.',
  },
  'empty-metadata': {
    severity: 'warning',
    title: 'Relation Metadata is an empty object',
    fix:
      'Write what the relation grants (privilegeName, privilegeValue, connectionType) or leave the cell empty: "{}" ' +
      'usually means the tool that made the file lost them.',
    severityReason:
      'Metadata is optional (Part A), so "{}" is accepted; a warning because an empty cell is the documented way ' +
      'to give none, and "{}" on a relation usually means its attributes were lost.',
  },
  'metadata-timestamp': {
    severity: 'warning',
    title: "Timestamp in Metadata not in BalkanID's form",
    fix: 'Write timestamps as BalkanID\'s samples do: 2023-12-14 04:42:12 +0000 UTC (UTC, no "T", no "Z").',
    severityReason:
      "The form is from BalkanID's samples (Part A) and this project's choice (Part B), not a rule of Part C, " +
      'so a value in another form (ISO 8601 with Z or an offset, or an impossible date) is a warning.',
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

export type FindingFile = 'entities' | 'relations' | 'entitlements';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: FindingFile;
  /** 1-based physical line where the record starts; 0 for a file-level finding. */
  line: number;
  /** Column name, when the finding concerns one cell or header column. */
  column?: string;
  /** 1-based position of that cell in its row (also for cells beyond the header's columns). */
  columnNumber?: number;
  message: string;
  fix: string;
  /** The offending cell, cut to about 200 characters. */
  value?: string;
  /** For a file an export split into parts: the part's file name, which `line` counts in. */
  part?: string;
}

export interface ValidatedFile {
  /** The file (for a file split into parts, the folder's path to its first part). */
  path: string;
  /** Data records after the header (blank lines not counted). */
  rows: number;
}

export interface ValidationReport {
  files: { entities?: ValidatedFile; relations?: ValidatedFile; entitlements?: ValidatedFile };
  errorCount: number;
  warningCount: number;
  /** Complete count of findings per rule, even where `findings` was capped. */
  countsByRule: Partial<Record<RuleId, number>>;
  /** Findings kept per rule: those on the lowest lines (the counts above stay complete). */
  maxFindingsPerRule: number;
  /** Sorted by file, then line; at most maxFindingsPerRule per rule. */
  findings: Finding[];
  /** Entities no relation mentions; null when not computed (a file missing or a header wrong). */
  unreferencedEntityCount: number | null;
}
