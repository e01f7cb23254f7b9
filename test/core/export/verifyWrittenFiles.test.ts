// The export proves the disk holds the bytes it checked: a file read back must match the SHA-256 and size computed as
// it was written, else the export stops with a message saying what differs.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicCsvFile } from '../../../electron/core/balkanid/atomicCsvFile';
import { verifyWrittenFiles } from '../../../electron/core/export/verifyWrittenFiles';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const LIMIT = { limitMs: 10_000 };

async function writtenFile(rows: number) {
  const file = await AtomicCsvFile.create(path.join(tempDir(), 'entities.csv'), ['id', 'name']);
  for (let i = 0; i < rows; i++) await file.writeRecord([`00u${i}`, `Name ${i}`]);
  const summary = await file.finish();
  return { file, written: { tempPath: file.tempPath, summary } };
}

describe('verifyWrittenFiles', () => {
  it('passes files whose bytes on disk are those written, across several read buffers', async () => {
    const { file, written } = await writtenFile(200_000);
    expect(written.summary.bytes).toBeGreaterThan(2 * 1024 * 1024);
    await expect(verifyWrittenFiles([written], LIMIT)).resolves.toBeUndefined();
    await file.abort();
  });

  it('stops when a byte changed on disk after it was written, naming the file and both checksums', async () => {
    const { file, written } = await writtenFile(1000);
    const bytes = await fs.readFile(written.tempPath);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 1, bytes.length - 10);
    await fs.writeFile(written.tempPath, bytes);
    await expect(verifyWrittenFiles([written], LIMIT)).rejects.toThrow(
      new RegExp(`entities\\.csv on disk is not what was written .*${written.summary.sha256}.*export again`),
    );
    await file.abort();
  });

  it('stops when the file on disk is shorter than what was written', async () => {
    const { file, written } = await writtenFile(1000);
    await fs.truncate(written.tempPath, written.summary.bytes - 1);
    await expect(verifyWrittenFiles([written], LIMIT)).rejects.toThrow(/\(\d+ bytes, SHA-256 [0-9a-f]{64}; written/);
    await file.abort();
  });
});
