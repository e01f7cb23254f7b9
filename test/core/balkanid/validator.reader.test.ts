// Tests the validator's streaming reader: records and physical lines match csv-parse at any chunking; byte checks;
// repeats.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsvRecord } from '../../../electron/core/balkanid/csvDialect';
import type { ByteIssue } from '../../../electron/core/balkanid/validator/byteChecks';
import { MAX_KEPT_CELL_CHARS, type CsvRecord } from '../../../electron/core/balkanid/validator/csvTokenizer';
import { openCsvSource, readCsvRecords } from '../../../electron/core/balkanid/validator/readCsvRecords';
import { EntityIndex } from '../../../electron/core/balkanid/validator/entityIndex';
import { RelationDuplicateFinder, hash53 } from '../../../electron/core/balkanid/validator/relationDuplicates';

async function read(
  bytes: string | Uint8Array,
  chunkSize = 64 * 1024,
): Promise<{ records: CsvRecord[]; issues: ByteIssue[] }> {
  const opened = await openCsvSource({ bytes, chunkSize }, 'test');
  const issues: ByteIssue[] = [];
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(opened.chunks, (issue) => issues.push(issue))) records.push(record);
  return { records, issues };
}

/** Deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Zoë', ',', '"', '\r\n', '\n', '\r', ' ', '山', '👩‍👩‍👧', '=', 'x'.repeat(50), ''];

function randomCell(next: () => number): string {
  let cell = '';
  const parts = Math.floor(next() * 5);
  for (let i = 0; i < parts; i++) cell += PIECES[Math.floor(next() * PIECES.length)];
  return cell;
}

describe('readCsvRecords', () => {
  it('matches csv-parse on random well-formed files at every chunk size, with true physical start lines', async () => {
    const next = random(42);
    const rows: string[][] = [];
    for (let r = 0; r < 300; r++) rows.push(Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomCell(next)));
    const texts = rows.map(formatCsvRecord);
    const expectedLines: number[] = [];
    let line = 1;
    for (const text of texts) {
      expectedLines.push(line);
      line += text.split('\n').length - 1;
    }
    const whole = texts.join('');
    const reference = parse(whole, { relax_column_count: true, record_delimiter: ['\r\n'] });
    expect(reference).toEqual(rows);
    for (const chunkSize of [1, 2, 3, 5, 7, 64, 4096, 1 << 20]) {
      const { records, issues } = await read(whole, chunkSize);
      expect(issues).toEqual([]);
      expect(records.map((r) => r.cells)).toEqual(rows);
      expect(records.map((r) => r.line)).toEqual(expectedLines);
      expect(records.every((r) => r.lineEnd === 'crlf' && !r.quoting && !r.blank)).toBe(true);
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
    const { records } = await read('a\rb,c\r\n', 1);
    expect(records).toHaveLength(1);
    expect(records[0]!.cells).toEqual(['a\rb', 'c']);
    expect(records[0]!.quoting).toEqual([{ kind: 'lone-cr', cellIndex: 0, line: 1 }]);
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
    expect(last.unterminated).toEqual({ line: 3, cellIndex: 1 });
    expect(last.cells).toEqual(['x', 'never\r\nclosed\r\n']);
  });

  it('cuts a runaway cell but keeps its true length', async () => {
    const { records } = await read(`"${'y'.repeat(MAX_KEPT_CELL_CHARS + 10)}`, 65_536);
    expect(records[0]!.cells[0]!.length).toBe(MAX_KEPT_CELL_CHARS);
    expect(records[0]!.cutCells).toEqual([{ index: 0, length: MAX_KEPT_CELL_CHARS + 10 }]);
  });

  it('decodes multi-byte characters split across chunks without an encoding issue', async () => {
    const text = 'name\r\n👩‍👩‍👧‍👦 山田 Zoë مرحبا\r\n';
    for (let chunkSize = 1; chunkSize <= 9; chunkSize++) {
      const { records, issues } = await read(text, chunkSize);
      expect(issues).toEqual([]);
      expect(records[1]!.cells).toEqual(['👩‍👩‍👧‍👦 山田 Zoë مرحبا']);
    }
  });

  it('reports invalid UTF-8 and NUL bytes once per line, at the right line, whatever the chunking', async () => {
    const bytes = Buffer.concat([
      Buffer.from('ok\r\n"multi\nline",fine\r\n'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0xe9, 0x0d, 0x0a]), // "café,é" in Latin-1, line 4
      Buffer.from('n\u0000l\u0000\r\n'), // line 5
      Buffer.from([0xf0, 0x9f, 0x98]), // truncated emoji at the end, line 6
    ]);
    for (const chunkSize of [1, 2, 3, 5, 1000]) {
      const { issues, records } = await read(bytes, chunkSize);
      expect(issues.map((i) => [i.kind, 'line' in i ? i.line : 0])).toEqual([
        ['invalid-utf8', 4],
        ['nul', 5],
        ['invalid-utf8', 6],
      ]);
      expect(records[2]!.cells).toEqual(['caf\uFFFD', '\uFFFD']);
    }
  });

  it('strips and reports a UTF-8 BOM, and stops at a UTF-16 BOM', async () => {
    const bom = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('App\r\n')]), 1);
    expect(bom.issues).toEqual([{ kind: 'bom' }]);
    expect(bom.records[0]!.cells).toEqual(['App']);
    const utf16 = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('App\r\n', 'utf16le')]));
    expect(utf16.issues).toEqual([{ kind: 'utf16', byteOrder: 'little-endian' }]);
    expect(utf16.records).toEqual([]);
  });
});

describe('RelationDuplicateFinder', () => {
  async function* rows(keys: string[]) {
    for (let i = 0; i < keys.length; i++) yield { line: i + 2, key: keys[i] };
  }

  it('confirms exact repeats only, even when every key has the same hash', async () => {
    const keys = ['a', 'b', 'a', 'c', 'b', 'b'];
    const finder = new RelationDuplicateFinder(() => 7);
    keys.forEach((key, i) => finder.add(key, i + 2));
    expect(finder.needsConfirmation).toBe(true);
    expect(await finder.confirm(rows(keys))).toEqual([
      { line: 4, firstLine: 2, key: 'a' },
      { line: 6, firstLine: 3, key: 'b' },
      { line: 7, firstLine: 3, key: 'b' },
    ]);
  });

  it('needs no second pass when no hash repeats', () => {
    const finder = new RelationDuplicateFinder();
    for (let i = 0; i < 200_000; i++) finder.add(`00u${i}\u0000identity\u000000g${i % 97}\u0000connection`, i + 2);
    expect(finder.needsConfirmation).toBe(false);
    expect(hash53('abc')).toBe(hash53('abc'));
    expect(hash53('abc')).not.toBe(hash53('abd'));
  });
});

describe('EntityIndex', () => {
  it('keeps exact keys across table growth: duplicates, types, references and the first unreferenced entity', () => {
    const index = new EntityIndex();
    for (let i = 0; i < 50_000; i++) expect(index.add(`00u${i}`, 'identity', i + 2)).toBeUndefined();
    expect(index.add('00g1', 'connection', 50_002)).toBeUndefined();
    expect(index.add('00u1', 'connection', 50_003)).toBeUndefined(); // same id, other type: a different entity
    expect(index.add('00u49999', 'identity', 50_004)).toBe(50_001);
    expect(index.add('00U1', 'identity', 50_005)).toBeUndefined(); // ids are case-sensitive
    expect(index.size).toBe(50_003);
    expect(index.typesOf('00u1')).toEqual(['identity', 'connection']);
    expect(index.typesOf('nope')).toEqual([]);
    for (let i = 0; i < 50_000; i++) expect(index.markReferenced(`00u${i}`, 'identity')).toBe(true);
    expect(index.markReferenced('00g1', 'identity')).toBe(false);
    expect(index.markReferenced('00g1', 'Connection')).toBe(false);
    expect(index.markReferenced('00u1', 'connection')).toBe(true);
    expect(index.unreferenced()).toEqual({
      count: 2,
      total: 50_003,
      first: { line: 50_002, sourceId: '00g1', entityType: 'connection' },
    });
  });
});
