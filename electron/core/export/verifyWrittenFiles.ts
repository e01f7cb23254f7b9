// Reads each finished file of an export back and compares its SHA-256 and size with those computed as its bytes were
// written. The files are checked from the bytes handed to the disk, not read back and parsed; this read proves the disk
// holds those very bytes (a full disk that lost a write, another program writing to the file), at hashing speed.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { CsvFileSummary } from '../balkanid/atomicCsvFile';
import { limitedStep, type FileStepLimit } from '../files/fileStepLimit';

const READ_BYTES = 1024 * 1024;

export interface WrittenFile {
  tempPath: string;
  summary: CsvFileSummary;
}

export async function verifyWrittenFiles(files: readonly WrittenFile[], limit: FileStepLimit): Promise<void> {
  for (const file of files) await verifyWrittenFile(file, limit);
}

async function verifyWrittenFile({ tempPath, summary }: WrittenFile, limit: FileStepLimit): Promise<void> {
  const onDisk = await hashFile(tempPath, limit);
  if (onDisk.sha256 === summary.sha256 && onDisk.bytes === summary.bytes) return;
  throw new Error(
    `${path.basename(summary.path)} on disk is not what was written (${onDisk.bytes} bytes, SHA-256 ` +
      `${onDisk.sha256}; written: ${summary.bytes} bytes, ${summary.sha256}): the disk lost a write or another ` +
      'program changed the file. Nothing was published; check the disk and export again',
  );
}

async function hashFile(file: string, limit: FileStepLimit): Promise<{ sha256: string; bytes: number }> {
  const handle = await limitedStep(`opening ${file} to check it`, () => open(file, 'r'), limit);
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await limitedStep(`reading ${file} back`, () => handle.read(buffer, 0, READ_BYTES), limit);
      if (bytesRead === 0) return { sha256: hash.digest('hex'), bytes };
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await limitedStep(`closing ${file}`, () => handle.close(), { limitMs: limit.limitMs }).catch(() => undefined);
  }
}
