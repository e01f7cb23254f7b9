// Checks one CSV file of a bundle against its manifest entry: it exists, and its size, SHA-256 and record count are
// the manifest's. The size is compared first: a file of another size cannot match, and is not read.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BundleCsvKind, BundleFinding, CheckedBundleFile } from '../../../../shared/balkanid/bundleCheck';
import { digestFile } from './fileDigest';
import type { ManifestFileEntry } from './manifestSchema';

const CHANGED_FIX =
  'Do not edit or replace the files after export: export the snapshot again into this folder, so that what is ' +
  'uploaded is what was checked.';

export async function checkBundleFile(
  dir: string,
  kind: BundleCsvKind,
  entry: ManifestFileEntry,
  signal?: AbortSignal,
): Promise<{ file: CheckedBundleFile; findings: BundleFinding[] }> {
  const file: CheckedBundleFile = { kind, ...entry, matches: false };
  const found = (code: BundleFinding['code'], message: string, fix = CHANGED_FIX) => ({
    file,
    findings: [{ code, file: entry.name, message, fix }],
  });
  const full = path.join(dir, entry.name);
  let size: number;
  try {
    const stat = await fs.stat(full);
    if (!stat.isFile()) return found('file-unreadable', `${entry.name} is not a file`);
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return found('file-missing', `${entry.name} is listed in the manifest but is not in the folder`);
    return found('file-unreadable', `cannot read ${entry.name}: ${code ?? (error as Error).message}`);
  }
  if (size !== entry.bytes)
    return found('size-mismatch', `${entry.name} is ${size} bytes; the manifest says ${entry.bytes}`);
  const digest = await digestFile(full, signal);
  if (digest.sha256 !== entry.sha256)
    return found('checksum-mismatch', `${entry.name} does not have the SHA-256 the manifest lists: it was changed`);
  if (digest.rows !== entry.rows)
    return found('row-count-mismatch', `${entry.name} holds ${digest.rows} rows; the manifest says ${entry.rows}`);
  file.matches = true;
  return { file, findings: [] };
}
