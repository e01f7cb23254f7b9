// Tells an entitlements file (Part A.3) from an entities file by its first line, so `okta-prep validate FILE` and the
// Validate screen check either without being told which it is. A header that names `Privilege Name` and no
// `Entity Type` is taken for entitlements (in any order or case: the header check then explains what is wrong).
import { open } from 'node:fs/promises';
import type { CsvSource } from './readCsvRecords';

const LOOK_BYTES = 4096;

export async function looksLikeEntitlements(source: CsvSource): Promise<boolean> {
  const start = await firstBytes(source);
  const firstLine = start
    .toString('utf8')
    .split(/\r?\n|\r/, 1)[0]!
    .toLowerCase();
  return firstLine.includes('privilege name') && !firstLine.includes('entity type');
}

async function firstBytes(source: CsvSource): Promise<Buffer> {
  if (!('path' in source)) return Buffer.from(source.bytes.slice(0, LOOK_BYTES));
  const handle = await open(source.path, 'r').catch(() => undefined);
  if (!handle) return Buffer.alloc(0); // the validator itself says the file cannot be read
  try {
    const buffer = Buffer.alloc(LOOK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, LOOK_BYTES, 0).catch(() => ({ bytesRead: 0 })); // a folder
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
