// The hostile-file corpus (test/fixtures/hostile-csv): each file gives its clear finding, with rule, line and cell, and
// nothing crashes or hangs. Each file is also read by papaparse, the reference parser: where the two read it
// differently, the table below says how and why, and the test holds both to exactly that.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../../shared/balkanid/findings';
import { validateCsvFiles } from '../../../electron/core/balkanid/validator';
import { MAX_KEPT_CELLS } from '../../../electron/core/balkanid/validator/csvTokenizer';
import { openCsvSource, readCsvRecords } from '../../../electron/core/balkanid/validator/readCsvRecords';
import { papaparseRows } from './papaparseReference';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'hostile-csv');
const PAIR_ENTITIES = path.join(CORPUS, 'pair-entities.csv');

interface Expected {
  rule: RuleId;
  line: number;
  column?: string;
  columnNumber?: number;
}

/**
 * How papaparse reads the file compared with the validator's reader:
 * - same: the same records, cell for cell, and no quoting error on either side;
 * - stricter: the same records, but the validator flags a quoting fault papaparse takes silently (a bare quote inside
 *   an unquoted cell, which RFC 4180 does not allow);
 * - both-flag: both flag the same record; after it they recover differently (papaparse runs the quote to the end);
 * - not-read: the validator stops at the start (UTF-16, or lines ending with CR alone) where papaparse reads on;
 * - line-ends: papaparse takes the first line end (CRLF) for the whole file and so joins lines that end with LF;
 *   read with LF as its line end (and the CR it leaves at the end of CRLF lines removed) it gives our records;
 * - many-cells: the validator keeps the first MAX_KEPT_CELLS cells of an absurdly wide row (and counts them all).
 */
type Reference = 'same' | 'stricter' | 'both-flag' | 'not-read' | 'line-ends' | 'many-cells';

interface CorpusCase {
  file: string;
  expected: Expected[];
  /** Substrings the first finding's message must hold. */
  says?: string[];
  papaparse?: Reference;
}

const E = (rule: RuleId, line: number, column?: string, columnNumber?: number): Expected =>
  column === undefined && columnNumber === undefined
    ? { rule, line }
    : columnNumber === undefined
      ? { rule, line, column }
      : column === undefined
        ? { rule, line, columnNumber }
        : { rule, line, column, columnNumber };
const UNREFERENCED = E('unreferenced-entity', 0);

const CASES: CorpusCase[] = [
  // bytes and encodings
  { file: 'entities-bom.csv', expected: [E('bom', 1)] },
  {
    file: 'entities-utf16le-bom.csv',
    expected: [E('encoding', 0)],
    says: ['UTF-16 (little-endian)'],
    papaparse: 'not-read',
  },
  {
    file: 'entities-utf16be-bom.csv',
    expected: [E('encoding', 0)],
    says: ['UTF-16 (big-endian)'],
    papaparse: 'not-read',
  },
  {
    file: 'entities-utf16le-no-bom.csv',
    expected: [E('encoding', 0)],
    says: ['without a byte-order mark'],
    papaparse: 'not-read',
  },
  { file: 'entities-latin1.csv', expected: [E('encoding', 3, 'Name', 2)], says: ['Latin-1'] },
  { file: 'entities-windows1252-quotes.csv', expected: [E('encoding', 3, 'Name', 2)] },
  { file: 'entities-nul-bytes.csv', expected: [E('nul-byte', 3, 'Name', 2)] },
  { file: 'entities-lone-surrogate-bytes.csv', expected: [E('lone-surrogate', 3, 'Name', 2)], says: ['ED A0..BF'] },
  {
    file: 'entities-binary.csv',
    expected: [E('encoding', 1, 'App', 1), E('nul-byte', 1, 'App', 1), E('header', 1, undefined, 1)],
    says: ['not valid UTF-8'],
  },
  {
    file: 'entities-truncated-utf8-at-end.csv',
    expected: [E('encoding', 3, 'Name', 2), E('cell-count', 3, 'Entity Type', 2)],
  },
  // line ends
  { file: 'entities-cr-only.csv', expected: [E('cr-line-ends', 1)], says: ['CR) alone'], papaparse: 'not-read' },
  { file: 'entities-lf-only.csv', expected: [E('lf-line-ends', 1)], says: ['5 of 5 line ends'] },
  {
    file: 'entities-mixed-line-ends.csv',
    expected: [E('lf-line-ends', 2)],
    says: ['2 of 5 line ends'],
    papaparse: 'line-ends',
  },
  { file: 'entities-lone-cr-in-value.csv', expected: [E('lone-cr', 3, 'Name', 2)] },
  { file: 'entities-blank-lines.csv', expected: [E('blank-line', 3), E('blank-line', 6)] },
  // quoting
  {
    file: 'entities-unterminated-quote-at-end.csv',
    expected: [E('unterminated-quote', 5, 'Metadata', 8)],
    says: ['opened on line 5 is never closed'],
    papaparse: 'both-flag',
  },
  {
    file: 'entities-quote-inside-unquoted-cell.csv',
    expected: [E('bad-quoting', 3, 'Name', 2)],
    papaparse: 'stricter',
  },
  {
    file: 'entities-text-after-closing-quote.csv',
    expected: [E('bad-quoting', 3, 'Name', 2)],
    papaparse: 'both-flag',
  },
  { file: 'entities-multiline-cell-then-bad-type.csv', expected: [E('entity-type', 5, 'Entity Type', 3)] },
  // structure
  { file: 'entities-empty.csv', expected: [E('header', 0)], says: ['empty'] },
  { file: 'entities-header-only.csv', expected: [E('no-rows', 0)], says: ['no data rows'] },
  {
    file: 'entities-whitespace-only.csv',
    expected: [E('header', 1, undefined, 1), E('blank-line', 2)],
    says: ['not a header'],
  },
  { file: 'entities-duplicated-header.csv', expected: [E('header', 2)], says: ['repeats the header row'] },
  { file: 'entities-semicolon-separated.csv', expected: [E('header', 1, undefined, 1)], says: ['semicolons'] },
  { file: 'entities-tab-separated.csv', expected: [E('header', 1, undefined, 1)], says: ['separated by tabs'] },
  {
    file: 'entities-header-star-names.csv',
    expected: [E('header', 1, 'Name', 2), E('header', 1, 'Source ID', 5)],
    says: ['remove the "*"'],
  },
  { file: 'entities-header-wrong-case.csv', expected: [E('header', 1, 'Entity Type', 3)], says: ['case differs'] },
  { file: 'entities-header-missing-column.csv', expected: [E('header', 1, 'Source Type')], says: ['missing'] },
  { file: 'entities-header-extra-column.csv', expected: [E('header', 1, 'Owner', 9)] },
  { file: 'entities-header-trailing-comma.csv', expected: [E('header', 1, undefined, 9)], says: ['trailing comma'] },
  { file: 'entities-is-a-relations-file.csv', expected: [E('header', 1)], says: ['swapped'] },
  { file: 'entities-extra-cell-in-row.csv', expected: [E('cell-count', 3, undefined, 9)], says: ['9 cells'] },
  {
    file: 'entities-missing-cells-in-row.csv',
    expected: [E('cell-count', 3, 'Metadata Version', 6)],
    says: ['first missing cell is "Metadata Version"'],
  },
  {
    file: 'entities-20000-cells-in-row.csv',
    expected: [E('cell-count', 3, undefined, 9)],
    says: ['20002 cells'],
    papaparse: 'many-cells',
  },
  // values
  { file: 'entities-invalid-json-metadata.csv', expected: [E('metadata-json', 3, 'Metadata', 8)], says: ['not valid'] },
  { file: 'entities-metadata-array.csv', expected: [E('metadata-json', 4, 'Metadata', 8)], says: ['an array'] },
  { file: 'entities-metadata-string.csv', expected: [E('metadata-json', 5, 'Metadata', 8)], says: ['a string'] },
  { file: 'entities-wrong-entity-type.csv', expected: [E('entity-type', 2, 'Entity Type', 3)], says: ['"user"'] },
  { file: 'entities-metadata-version-v2.csv', expected: [E('metadata-version', 3, 'Metadata Version', 7)] },
  { file: 'entities-metadata-without-version.csv', expected: [E('metadata-version', 4, 'Metadata Version', 7)] },
  {
    file: 'entities-empty-required-cells.csv',
    expected: [E('required-cell', 3, 'Name', 2), E('required-cell', 3, 'Source ID', 5)],
  },
  { file: 'entities-spaces-only-name.csv', expected: [E('required-cell', 4, 'Name', 2)], says: ['only spaces'] },
  { file: 'entities-duplicate-entity.csv', expected: [E('duplicate-entity', 6, 'Source ID', 5)], says: ['line 2'] },
  {
    file: 'entities-formula-cells.csv',
    expected: [2, 3, 4, 5].map((line) => E('formula-injection', line, 'Name', 2)),
    says: ['starts with "="'],
  },
  {
    file: 'entities-not-okta.csv',
    expected: [E('app-not-okta', 2, 'App', 1), E('source-system-not-okta', 3, 'Source System', 4)],
  },
  { file: 'entities-identity-without-username.csv', expected: [E('identity-without-username', 3, 'Metadata', 8)] },
  { file: 'entities-lone-surrogate-json-escape.csv', expected: [E('lone-surrogate', 2, 'Metadata', 8)] },
  {
    file: 'entities-timestamp-z-suffix.csv',
    expected: [E('metadata-timestamp', 2, 'Metadata', 8)],
    says: ['(write "2024-05-06 07:08:09 +0000 UTC")'],
  },
  // relations, checked against pair-entities.csv
  {
    file: 'relations-dangling-ends.csv',
    expected: [
      UNREFERENCED,
      E('unknown-relation-end', 3, 'Parent Entity Source ID', 2),
      E('unknown-relation-end', 4, 'Entity Source ID', 4),
    ],
  },
  {
    file: 'relations-end-under-wrong-type.csv',
    expected: [UNREFERENCED, E('unknown-relation-end', 3, 'Entity Source ID', 4)],
  },
  {
    file: 'relations-duplicate-differs-in-metadata.csv',
    expected: [UNREFERENCED, E('duplicate-relation', 4)],
  },
  { file: 'relations-self-relation.csv', expected: [UNREFERENCED, E('self-relation', 3, 'Entity Source ID', 4)] },
  { file: 'relations-empty-metadata-object.csv', expected: [UNREFERENCED, E('empty-metadata', 3, 'Metadata', 8)] },
  { file: 'relations-privilege-value-string.csv', expected: [UNREFERENCED, E('privilege-value', 3, 'Metadata', 8)] },
  {
    file: 'relations-wrong-parent-type.csv',
    expected: [UNREFERENCED, E('entity-type', 3, 'Parent Entity Type', 3)],
  },
  { file: 'relations-header-only.csv', expected: [UNREFERENCED, E('no-rows', 0)] },
];

async function validateCase(file: string) {
  const full = path.join(CORPUS, file);
  return file.startsWith('relations-')
    ? validateCsvFiles({ entitiesPath: PAIR_ENTITIES, relationsPath: full })
    : validateCsvFiles({ entitiesPath: full });
}

describe('the hostile-file corpus', () => {
  it('has at least 40 hostile files, every one of them in the table', () => {
    const files = fs.readdirSync(CORPUS).filter((file) => file !== 'pair-entities.csv' && file.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(CASES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  it.each(CASES.map((c) => [c.file, c] as const))('%s gives its finding, at its line and cell', async (_f, c) => {
    const report = await validateCase(c.file);
    const found = report.findings.map(({ rule, line, column, columnNumber }) => E(rule, line, column, columnNumber));
    expect(found).toEqual(c.expected);
    for (const text of c.says ?? [])
      expect(report.findings.find((f) => f.rule !== 'unreferenced-entity')?.message).toContain(text);
    expect(report.findings.every((finding) => finding.fix.length > 10)).toBe(true);
  });

  it.each(CASES.map((c) => [c.file, c] as const))('%s: read as papaparse reads it, or as documented', async (_f, c) => {
    const bytes = fs.readFileSync(path.join(CORPUS, c.file));
    const ours = await readCsvRecords((await openCsvSource({ bytes }, 'corpus')).chunks, () => undefined);
    const text = new TextDecoder().decode(bytes); // drops a UTF-8 BOM, as our reader does
    const reference = papaparseRows(text);
    const flagged = ours.flatMap((record, index) =>
      record.unterminated || record.quoting?.some((issue) => issue.kind !== 'lone-cr') ? [index] : [],
    );
    const cells = ours.map((record) => record.cells);
    switch (c.papaparse ?? 'same') {
      case 'same':
        expect(cells).toEqual(reference.rows);
        expect([flagged, reference.quoteErrorRows]).toEqual([[], []]);
        return;
      case 'stricter':
        expect(cells).toEqual(reference.rows);
        expect(reference.quoteErrorRows).toEqual([]);
        expect(flagged.length).toBeGreaterThan(0);
        return;
      case 'both-flag':
        expect(flagged[0]).toBe(reference.quoteErrorRows[0]);
        expect(cells.slice(0, flagged[0])).toEqual(reference.rows.slice(0, flagged[0]));
        return;
      case 'not-read':
        expect(ours).toEqual([]);
        expect(reference.rows.length).toBeGreaterThan(1);
        return;
      case 'line-ends': {
        const byLf = papaparseRows(text.replaceAll('\r\n', '\n'));
        expect(reference.linebreak).toBe('\r\n');
        expect(cells).toEqual(byLf.rows);
        expect(cells.length).toBeGreaterThan(reference.rows.length);
        return;
      }
      case 'many-cells':
        expect(ours.map((record) => record.cellCount)).toEqual(reference.rows.map((row) => row.length));
        expect(cells).toEqual(reference.rows.map((row) => row.slice(0, MAX_KEPT_CELLS)));
        return;
    }
  });
});
