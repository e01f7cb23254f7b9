// Tests the atomic CSV writer: exact bytes and hash, nothing left behind on abort or error, all-or-nothing bundles.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicCsvFile, commitAll, writeCsvFileAtomically } from '../../../electron/core/balkanid/atomicCsvFile';
import { formatCsvRecord } from '../../../electron/core/balkanid/csvDialect';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atomic-csv-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('AtomicCsvFile', () => {
  it('commits the exact bytes (UTF-8, no BOM, CRLF) and reports hash, rows and size on disk', async () => {
    const target = path.join(dir, 'entities.csv');
    const file = await AtomicCsvFile.create(target, ['App', 'Name']);
    await file.writeRecord(['okta', 'Ada, Countess']);
    await file.writeRecord(['okta', '山田 "Taro"']);
    await file.writeRecord(['okta', '']);
    const summary = await file.commit();

    const bytes = await readFile(target);
    const expected = Buffer.from('App,Name\r\nokta,"Ada, Countess"\r\nokta,"山田 ""Taro"""\r\nokta,\r\n', 'utf8');
    expect(bytes.equals(expected)).toBe(true);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(summary).toEqual({ path: target, sha256: sha256Of(bytes), rows: 3, bytes: bytes.length });
    expect(await readdir(dir)).toEqual(['entities.csv']);
  });

  it('streams many rows across buffer flushes (multi-byte text included) and still hashes every byte', async () => {
    const target = path.join(dir, 'big.csv');
    const file = await AtomicCsvFile.create(target, ['id', 'name']);
    const nameOf = (i: number) => (i % 3 === 0 ? `👩‍👩‍👧 ${i}` : `名前,${i}`);
    for (let i = 0; i < 120_000; i++) await file.writeRecord([`00u${i}`, nameOf(i)]);
    const summary = await file.commit();
    const bytes = await readFile(target);
    expect(summary.rows).toBe(120_000);
    expect(summary.bytes).toBe(bytes.length);
    expect(summary.sha256).toBe(sha256Of(bytes));
    const lines = bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('id,name');
    expect(lines[120_000]).toBe('00u119999,"名前,119999"');
    expect(lines[120_001]).toBe('');
    // Every record in order, none lost or doubled where records are joined and encoded together.
    const quoted = (name: string) => (name.includes(',') ? `"${name}"` : name);
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: 120_000 }, (_, i) => `00u${i},${quoted(nameOf(i))}`));
  });

  it('formatted records, drained when the buffer is full, give the same bytes and hash as writeRecord', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`id${i}`, i % 3 === 0 ? `名前 "${i}", x` : `n${i}`]);
    // One record larger than a third of the buffer, so it cannot be encoded into the buffer's free space.
    rows.push(['huge', 'é'.repeat(600_000)]);
    const cellByCell = await AtomicCsvFile.create(path.join(dir, 'a.csv'), ['id', 'name']);
    for (const cells of rows) await cellByCell.writeRecord(cells);
    const expected = await cellByCell.commit();
    const formatted = await AtomicCsvFile.create(path.join(dir, 'b.csv'), ['id', 'name']);
    let drains = 0;
    for (const cells of rows) {
      if (formatted.addFormattedRecord(formatCsvRecord(cells))) {
        drains++;
        await formatted.drain();
      }
    }
    const summary = await formatted.commit();
    expect(drains).toBeGreaterThan(1);
    expect((await readFile(path.join(dir, 'b.csv'))).equals(await readFile(path.join(dir, 'a.csv')))).toBe(true);
    expect({ ...summary, path: '' }).toEqual({ ...expected, path: '' });
    expect(summary.sha256).toBe(sha256Of(await readFile(path.join(dir, 'b.csv'))));
  });

  it('keeps records in order even when writes are not awaited', async () => {
    const target = path.join(dir, 'order.csv');
    const file = await AtomicCsvFile.create(target, ['n']);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 30_000; i++) pending.push(file.writeRecord([String(i).padStart(8, '0')]));
    await Promise.all(pending);
    await file.commit();
    const lines = (await readFile(target, 'utf8')).trimEnd().split('\r\n').slice(1);
    expect(lines.length).toBe(30_000);
    expect(lines.every((line, i) => line === String(i).padStart(8, '0'))).toBe(true);
  });

  it('writes into a hidden temp file in the destination folder and only renames on commit', async () => {
    const target = path.join(dir, 'entities.csv');
    const file = await AtomicCsvFile.create(target, ['App']);
    await file.writeRecord(['okta']);
    expect(path.dirname(file.tempPath)).toBe(dir);
    expect(path.basename(file.tempPath)).toMatch(new RegExp(`^\\.entities\\.csv\\.${process.pid}-[0-9a-f]{12}\\.tmp$`));
    expect(await readdir(dir)).toEqual([path.basename(file.tempPath)]);
    await file.commit();
    expect(await readdir(dir)).toEqual(['entities.csv']);
  });

  it('leaves an older file untouched until commit, then replaces it', async () => {
    const target = path.join(dir, 'entities.csv');
    await writeFile(target, 'old content');
    const file = await AtomicCsvFile.create(target, ['App']);
    await file.writeRecord(['okta']);
    await file.finish();
    expect(await readFile(target, 'utf8')).toBe('old content');
    await file.publish();
    expect(await readFile(target, 'utf8')).toBe('App\r\nokta\r\n');
  });

  it('abort mid-write leaves no final or temp file, and the writer refuses further writes', async () => {
    const target = path.join(dir, 'entities.csv');
    const file = await AtomicCsvFile.create(target, ['App', 'Name']);
    for (let i = 0; i < 50_000; i++) await file.writeRecord(['okta', `user ${i}`]);
    await file.abort();
    expect(await readdir(dir)).toEqual([]);
    await expect(file.writeRecord(['okta', 'late'])).rejects.toThrow(/already aborted/);
    await expect(file.commit()).rejects.toThrow(/already aborted/);
    await file.abort(); // idempotent
  });

  it('abort after finish (a bundle whose other file failed) removes the finished temp file', async () => {
    const file = await AtomicCsvFile.create(path.join(dir, 'entities.csv'), ['App']);
    await file.writeRecord(['okta']);
    await file.finish();
    await file.abort();
    expect(await readdir(dir)).toEqual([]);
  });

  it('an invalid cell mid-write aborts by itself and cleans up', async () => {
    const file = await AtomicCsvFile.create(path.join(dir, 'entities.csv'), ['App', 'Name']);
    await file.writeRecord(['okta', 'fine']);
    await expect(file.writeRecord(['okta', null as unknown as string])).rejects.toThrow(
      /cannot write .*entities\.csv: CSV cell must be a string/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('writing into a missing folder fails with a clear message and creates nothing', async () => {
    const missing = path.join(dir, 'no-such-folder');
    await expect(AtomicCsvFile.create(path.join(missing, 'entities.csv'), ['App'])).rejects.toThrow(
      `the folder ${missing} does not exist (ENOENT)`,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeCsvFileAtomically', () => {
  it('writes all rows from an async source', async () => {
    async function* rows() {
      yield ['1', 'a'];
      yield ['2', 'b'];
    }
    const summary = await writeCsvFileAtomically(path.join(dir, 'x.csv'), ['n', 's'], rows());
    expect(await readFile(path.join(dir, 'x.csv'), 'utf8')).toBe('n,s\r\n1,a\r\n2,b\r\n');
    expect(summary.rows).toBe(2);
  });

  it('an error thrown by the row source mid-write leaves no final and no temp file', async () => {
    function* rows() {
      for (let i = 0; i < 100_000; i++) {
        if (i === 70_000) throw new Error('database went away');
        yield ['okta', `user ${i}`];
      }
    }
    await expect(writeCsvFileAtomically(path.join(dir, 'entities.csv'), ['App', 'Name'], rows())).rejects.toThrow(
      'database went away',
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('commitAll', () => {
  it('publishes both files of a bundle', async () => {
    const a = await AtomicCsvFile.create(path.join(dir, 'entities.csv'), ['A']);
    const b = await AtomicCsvFile.create(path.join(dir, 'entity-relations.csv'), ['B']);
    await a.writeRecord(['1']);
    const [sa, sb] = await commitAll([a, b]);
    expect(sa!.rows).toBe(1);
    expect(sb!.rows).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['entities.csv', 'entity-relations.csv']);
  });

  it('when the second rename fails, the first published file is removed again and no temp file is left', async () => {
    const blocker = path.join(dir, 'entity-relations.csv');
    await mkdir(blocker); // a folder under the final name makes the rename fail
    await writeFile(path.join(blocker, 'keep'), 'x');
    const a = await AtomicCsvFile.create(path.join(dir, 'entities.csv'), ['A']);
    const b = await AtomicCsvFile.create(blocker, ['B']);
    await a.writeRecord(['1']);
    await b.writeRecord(['2']);
    await expect(commitAll([a, b])).rejects.toThrow(/cannot write .*entity-relations\.csv/);
    expect(await readdir(dir)).toEqual(['entity-relations.csv']);
    expect((await stat(blocker)).isDirectory()).toBe(true);
  });
});
