// Tests the upload CSV dialect: minimal RFC 4180 quoting, CRLF, and exact round-trips through an independent parser
// (csv-parse).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsvCell, formatCsvRecord, RepeatingCellFormatter } from '../../../electron/core/balkanid/csvDialect';
import { seededRandom } from '../../helpers/seededRandom';

function parseAll(text: string): string[][] {
  return parse(text, { relax_column_count: true, record_delimiter: ['\r\n'], bom: false });
}

describe('formatCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\ninside', '"crlf\r\ninside"'],
    [' leading and trailing spaces ', ' leading and trailing spaces '],
    ['=SUM(A1:A2)', '=SUM(A1:A2)'],
    ["'quote'", "'quote'"],
    ['tab\there', 'tab\there'],
  ])('formats %j as %j', (cell, expected) => {
    expect(formatCsvCell(cell)).toBe(expected);
  });

  it('rejects a cell that is not a string instead of writing "undefined"', () => {
    expect(() => formatCsvCell(undefined as unknown as string)).toThrow(/must be a string, got undefined/);
    expect(() => formatCsvCell(42 as unknown as string)).toThrow(/got number/);
  });
});

describe('formatCsvRecord', () => {
  it('joins with commas and ends with CRLF', () => {
    expect(formatCsvRecord(['okta', 'Ada, Countess', 'identity', ''])).toBe('okta,"Ada, Countess",identity,\r\n');
  });

  it('keeps empty cells as empty fields', () => {
    expect(formatCsvRecord(['', '', ''])).toBe(',,\r\n');
  });

  it('writes a lone empty cell as "" so it is not read back as a blank line', () => {
    expect(formatCsvRecord([''])).toBe('""\r\n');
    expect(parseAll(formatCsvRecord(['']))).toEqual([['']]);
  });

  it('round-trips hard strings exactly through csv-parse', () => {
    const hard = [
      '👩‍👩‍👧‍👦 family ZWJ',
      '🏳️‍🌈',
      '山田 太郎',
      'مرحبا بالعالم',
      'שָׁלוֹם',
      '=HYPERLINK("http://evil","x")',
      '+1',
      '-cmd',
      '@SUM(1)',
      '\tstarts with tab',
      '\rstarts with CR',
      'x'.repeat(40_000),
      'é'.repeat(40_000) + ',"\r\n',
      '',
      ' ',
      '"',
      '""',
      ',',
      '\r\n',
      '\n\n',
      'line\u2028separator',
      '{"username":"ada","tags":["a,b","c\\"d"]}',
    ];
    const records: string[][] = [];
    for (let i = 0; i < hard.length; i++) records.push([hard[i]!, String(i), hard[(i + 1) % hard.length]!, '']);
    const text = records.map(formatCsvRecord).join('');
    expect(parseAll(text)).toEqual(records);
  });

  it('produces only CRLF record ends: every bare LF in the output sits inside a quoted cell', () => {
    const text = formatCsvRecord(['a\nb', 'c']) + formatCsvRecord(['d', 'e']);
    expect(text).toBe('"a\nb",c\r\nd,e\r\n');
    expect(parseAll(text)).toEqual([
      ['a\nb', 'c'],
      ['d', 'e'],
    ]);
  });
});

describe('RepeatingCellFormatter', () => {
  const PALETTE = ['okta', '', 'a,b', 'say "hi"', 'line\nbreak', '{"a":1}', 'identity', '=1+1', 'x'];

  it('writes every record as formatCsvRecord does, whatever repeats from row to row', () => {
    const random = seededRandom(7);
    const formatter = new RepeatingCellFormatter();
    for (let row = 0; row < 5000; row++) {
      const width = 1 + Math.floor(random() * 8);
      const cells = Array.from({ length: width }, () => PALETTE[Math.floor(random() * PALETTE.length)]!);
      expect(formatter.format(cells)).toBe(formatCsvRecord(cells));
    }
  });

  it('still rejects a cell that is not a string, in a column that had none before', () => {
    const formatter = new RepeatingCellFormatter();
    formatter.format(['a']);
    expect(() => formatter.format(['a', undefined as unknown as string])).toThrow(/must be a string/);
  });
});
