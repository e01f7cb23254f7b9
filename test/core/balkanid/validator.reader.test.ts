// Tests the validator's streaming reader: records and physical lines match papaparse (the reference) at any chunking,
// the fast scanner and the state machine agree on any input, byte checks, and where a file is not read further.
import { describe, expect, it } from 'vitest';
import { formatCsvRecord } from '../../../electron/core/balkanid/csvDialect';
import type { ByteIssue } from '../../../electron/core/balkanid/validator/byteChecks';
import { LONG_RECORD_CHARS } from '../../../electron/core/balkanid/validator/csvScanner';
import {
  CsvTokenizer,
  MAX_KEPT_CELL_CHARS,
  type CsvRecord,
} from '../../../electron/core/balkanid/validator/csvTokenizer';
import { openCsvSource, readCsvRecords } from '../../../electron/core/balkanid/validator/readCsvRecords';
import { papaparseRows } from './papaparseReference';
import { seededRandom } from '../../helpers/seededRandom';

async function read(
  bytes: string | Uint8Array,
  chunkSize = 64 * 1024,
): Promise<{ records: CsvRecord[]; issues: ByteIssue[] }> {
  const opened = await openCsvSource({ bytes, chunkSize }, 'test');
  const issues: ByteIssue[] = [];
  const records = await readCsvRecords(opened.chunks, (issue) => issues.push(issue));
  return { records, issues };
}

const PIECES = ['a', 'Zoë', ',', '"', '\r\n', '\n', '\r', ' ', '山', '👩‍👩‍👧', '=', 'x'.repeat(50), ''];

function randomCell(next: () => number): string {
  let cell = '';
  const parts = Math.floor(next() * 5);
  for (let i = 0; i < parts; i++) cell += PIECES[Math.floor(next() * PIECES.length)];
  return cell;
}

function randomWellFormedFile(seed: number): { rows: string[][]; text: string; lines: number[] } {
  const next = seededRandom(seed);
  const rows: string[][] = [];
  for (let r = 0; r < 300; r++) rows.push(Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomCell(next)));
  const texts = rows.map(formatCsvRecord);
  const lines: number[] = [];
  let line = 1;
  for (const text of texts) {
    lines.push(line);
    line += text.split('\n').length - 1;
  }
  return { rows, text: texts.join(''), lines };
}

/** Text of any shape, faults included: stray quotes, lone CRs, mixed line ends, blank lines, unclosed quotes. */
function randomRawText(seed: number): string {
  const next = seededRandom(seed);
  const raw = ['a', 'b,', '"', '""', ',', '\r\n', '\n', '\r', ' ', '山', '👩‍👩‍👧', 'xyz', ',,', '"q"', '\r\n\r\n'];
  let text = 'h,h\r\n'; // a first line that ends well: one ended by a lone CR stops the reader (tested below)
  for (let i = 0; i < 400; i++) text += raw[Math.floor(next() * raw.length)];
  return text;
}

/** What the state machine alone makes of a text fed in one piece: the reference for the fast scanner. */
function stateMachineRecords(text: string): CsvRecord[] {
  return new CsvTokenizer().push(text, true);
}

const comparable = (records: CsvRecord[]) =>
  records.map(({ line, lastLine, cells, cellCount, lineEnd, blank, quoting, unterminated }) => ({
    line,
    lastLine,
    cells,
    cellCount,
    lineEnd,
    blank,
    quoting,
    unterminated,
  }));

describe('readCsvRecords', () => {
  it('matches papaparse on random well-formed files at every chunk size, with true physical start lines', async () => {
    for (const seed of [42, 7, 1999]) {
      const { rows, text, lines } = randomWellFormedFile(seed);
      const reference = papaparseRows(text);
      expect(reference.quoteErrorRows).toEqual([]);
      expect(reference.rows).toEqual(rows);
      for (const chunkSize of [1, 2, 3, 5, 7, 64, 4096, 1 << 20]) {
        const { records, issues } = await read(text, chunkSize);
        expect(issues).toEqual([]);
        expect(records.map((r) => r.cells)).toEqual(reference.rows);
        expect(records.map((r) => r.line)).toEqual(lines);
        expect(records.every((r) => r.lineEnd === 'crlf' && !r.quoting && !r.blank)).toBe(true);
      }
    }
  });

  it('gives the records the state machine alone gives on any text, faults included, at any chunk size', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = randomRawText(seed);
      const expected = comparable(stateMachineRecords(text));
      for (const chunkSize of [1, 3, 17, 256, 1 << 20]) {
        const { records } = await read(text, chunkSize);
        expect(comparable(records)).toEqual(expected);
      }
    }
  });

  it('reports a quoting fault wherever papaparse reports one, on the same record', async () => {
    for (let seed = 100; seed < 160; seed++) {
      const text = randomRawText(seed).replaceAll('\r', ''); // one line-end style, as papaparse expects
      const reference = papaparseRows(text);
      const { records } = await read(text, 64);
      for (const row of reference.quoteErrorRows) {
        const faults = records.slice(0, row + 1).filter((r) => r.quoting || r.unterminated);
        expect(faults.length).toBeGreaterThan(0);
      }
      const firstFault = records.findIndex((r) => r.quoting || r.unterminated);
      const agreeUpTo = firstFault < 0 ? records.length : firstFault;
      expect(records.slice(0, agreeUpTo).map((r) => r.cells)).toEqual(reference.rows.slice(0, agreeUpTo));
    }
  });

  it('tells CRLF, LF-only and a missing last line end apart, even with CR and LF in two chunks', async () => {
    for (const chunkSize of [1, 4, 100]) {
      const { records } = await read('a,b\r\nc,d\ne,f', chunkSize);
      expect(records.map((r) => [r.line, r.lineEnd, r.cells])).toEqual([
        [1, 'crlf', ['a', 'b']],
        [2, 'lf', ['c', 'd']],
        [3, 'eof', ['e', 'f']],
      ]);
    }
  });

  it('keeps a lone CR outside quotes as data and notes it', async () => {
    const { records } = await read('h\r\na\rb,c\r\n', 1);
    expect(records).toHaveLength(2);
    expect(records[1]!.cells).toEqual(['a\rb', 'c']);
    expect(records[1]!.quoting).toEqual([{ kind: 'lone-cr', cellIndex: 0, line: 2 }]);
  });

  it('reads doubled quotes and empty quoted cells, and notes text after a closing quote', async () => {
    const { records } = await read('"a""b","",x\r\n"x"y,z\r\n', 3);
    expect(records[0]!.cells).toEqual(['a"b', '', 'x']);
    expect(records[0]!.quoting).toBeUndefined();
    expect(records[1]!.cells).toEqual(['xy', 'z']);
    expect(records[1]!.quoting).toEqual([{ kind: 'text-after-closing-quote', cellIndex: 0, line: 2 }]);
  });

  it('flags blank lines separately from a record holding one quoted empty cell', async () => {
    const { records } = await read('a\r\n\r\n""\r\n\nb\r\n');
    expect(records.map((r) => [r.line, r.blank, r.cells])).toEqual([
      [1, false, ['a']],
      [2, true, ['']],
      [3, false, ['']],
      [4, true, ['']],
      [5, false, ['b']],
    ]);
  });

  it('reports an unterminated quote with the line where it opened', async () => {
    const { records } = await read('h\r\nok,"fine"\r\nx,"never\r\nclosed\r\n', 2);
    const last = records.at(-1)!;
    expect(last.line).toBe(3);
    expect(last.lastLine).toBe(5);
    expect(last.unterminated).toEqual({ line: 3, cellIndex: 1 });
    expect(last.cells).toEqual(['x', 'never\r\nclosed\r\n']);
  });

  it('cuts a runaway cell but keeps its true length, and reads the next row normally', async () => {
    const text = `h\r\n"${'y'.repeat(MAX_KEPT_CELL_CHARS + 10)}",z\r\nnext,row\r\n`;
    const { records } = await read(text, 65_536);
    expect(records[1]!.cells[0]!.length).toBe(MAX_KEPT_CELL_CHARS);
    expect(records[1]!.cutCells).toEqual([{ index: 0, length: MAX_KEPT_CELL_CHARS + 10 }]);
    expect(records[2]).toMatchObject({ line: 3, cells: ['next', 'row'] });
    expect(MAX_KEPT_CELL_CHARS).toBeGreaterThan(LONG_RECORD_CHARS);
  });

  it('decodes multi-byte characters split across chunks without an encoding issue', async () => {
    const text = 'name\r\n👩‍👩‍👧‍👦 山田 Zoë مرحبا\r\n';
    for (let chunkSize = 1; chunkSize <= 9; chunkSize++) {
      const { records, issues } = await read(text, chunkSize);
      expect(issues).toEqual([]);
      expect(records[1]!.cells).toEqual(['👩‍👩‍👧‍👦 山田 Zoë مرحبا']);
    }
  });

  it('reports invalid UTF-8, lone surrogates and NUL bytes once per line, at the right line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('ok\r\n"multi\nline",fine\r\n'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0xe9, 0x0d, 0x0a]), // "café,é" in Latin-1, line 4
      Buffer.from('n\u0000l\u0000\r\n'), // line 5
      Buffer.from([0x61, 0xed, 0xa0, 0xbd, 0x0d, 0x0a]), // a lone surrogate as CESU-8 bytes, line 6
      Buffer.from([0xf0, 0x9f, 0x98]), // truncated emoji at the end, line 7
    ]);
    for (const chunkSize of [1, 2, 3, 5, 1000]) {
      const { issues, records } = await read(bytes, chunkSize);
      expect(issues.map((i) => [i.kind, 'line' in i ? i.line : 0])).toEqual([
        ['invalid-utf8', 4],
        ['nul', 5],
        ['lone-surrogate', 6],
        ['invalid-utf8', 7],
      ]);
      expect(records[2]!.cells).toEqual(['caf\uFFFD', '\uFFFD']);
    }
  });

  it('keeps a lone surrogate in text given in memory, so it is reported instead of silently replaced', async () => {
    const { issues, records } = await read('h\r\nbad \uD83D here\r\n');
    expect(issues.map((i) => [i.kind, 'line' in i ? i.line : 0])).toEqual([['lone-surrogate', 2]]);
    expect(records[1]!.cells[0]).toContain('\uFFFD');
  });

  it('strips and reports a UTF-8 BOM, and stops at UTF-16 with or without its BOM', async () => {
    const bom = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('App\r\n')]), 1);
    expect(bom.issues).toEqual([{ kind: 'bom' }]);
    expect(bom.records[0]!.cells).toEqual(['App']);
    const utf16 = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('App\r\n', 'utf16le')]));
    expect(utf16.issues).toEqual([{ kind: 'utf16', byteOrder: 'little-endian', withBom: true }]);
    expect(utf16.records).toEqual([]);
    for (const [bytes, byteOrder] of [
      [Buffer.from('App,Name\r\nokta,Ada\r\n', 'utf16le'), 'little-endian'],
      [Buffer.from('App,Name\r\nokta,Ada\r\n', 'utf16le').swap16(), 'big-endian'],
    ] as const) {
      const withoutBom = await read(bytes, 3);
      expect(withoutBom.issues).toEqual([{ kind: 'utf16', byteOrder, withBom: false }]);
      expect(withoutBom.records).toEqual([]);
    }
  });

  it('stops at a first line ended by CR alone, but not at a CR inside quotes on the first line', async () => {
    for (const chunkSize of [1, 2, 1000]) {
      const crOnly = await read('App,Name\rokta,Ada\r', chunkSize);
      expect(crOnly.issues).toEqual([{ kind: 'cr-line-ends' }]);
      expect(crOnly.records).toEqual([]);
      const quoted = await read('"A\rpp",Name\r\nokta,Ada\r\n', chunkSize);
      expect(quoted.issues).toEqual([]);
      expect(quoted.records.map((r) => r.cells)).toEqual([
        ['A\rpp', 'Name'],
        ['okta', 'Ada'],
      ]);
    }
  });
});
