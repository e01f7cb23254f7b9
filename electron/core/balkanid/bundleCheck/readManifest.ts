// Reads a bundle's manifest.json: present, small, JSON, and of the shape an upload relies on; otherwise one finding
// that says what is wrong and how to get a good bundle.
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_FILE_NAMES, invalidNameOf } from '../../../../shared/balkanid/bundleFileNames';
import type { BundleFinding } from '../../../../shared/balkanid/bundleCheck';
import { manifestShapeProblems, type UploadableManifest } from './manifestSchema';

/** A manifest is a few kilobytes; anything much larger is not one (and is not read into memory). */
const MAX_MANIFEST_BYTES = 1024 * 1024;

const EXPORT_AGAIN = 'Export the snapshot again into this folder (okta-prep export --out DIR, or the Export screen).';

export type ManifestRead = { manifest: UploadableManifest } | { finding: BundleFinding };

export async function readManifest(dir: string): Promise<ManifestRead> {
  const file = path.join(dir, BUNDLE_FILE_NAMES.manifest);
  const text = await readSmallFile(file);
  if (typeof text !== 'string') return { finding: await keptAsInvalid(dir, text) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return finding('manifest-not-json', `${BUNDLE_FILE_NAMES.manifest} is not JSON`, EXPORT_AGAIN);
  }
  const problems = manifestShapeProblems(value);
  if (problems.length > 0) {
    const message = `${BUNDLE_FILE_NAMES.manifest} is not usable: ${problems.join('; ')}`;
    return finding('manifest-shape', message, EXPORT_AGAIN);
  }
  return { manifest: value as UploadableManifest };
}

async function readSmallFile(file: string): Promise<string | BundleFinding> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return unreadable(`${file} is not a file`);
    if (stat.size > MAX_MANIFEST_BYTES)
      return unreadable(`${file} is ${stat.size} bytes, too large to be a bundle's manifest`);
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return {
        code: 'manifest-missing',
        file: BUNDLE_FILE_NAMES.manifest,
        message: `the folder has no ${BUNDLE_FILE_NAMES.manifest}, so it is not an export bundle`,
        fix: `Choose the folder an export wrote (it holds ${BUNDLE_FILE_NAMES.manifest} beside the CSV files).`,
      };
    return unreadable(`cannot read ${file}: ${code ?? (error as Error).message}`);
  }
}

/** A folder holding only an export kept as invalid is named as such, not as a folder without a bundle. */
async function keptAsInvalid(dir: string, finding: BundleFinding): Promise<BundleFinding> {
  const invalid = invalidNameOf(BUNDLE_FILE_NAMES.manifest);
  if (finding.code !== 'manifest-missing' || !(await fs.stat(path.join(dir, invalid)).catch(() => undefined)))
    return finding;
  return {
    code: 'validation-errors',
    file: invalid,
    message:
      `the folder holds an export that failed its check (${invalid}, with the files named *.invalid.csv): ` +
      'BalkanID would reject it, so it was not given the upload names',
    fix:
      `Read the findings in ${invalid} (or check the files with okta-prep validate), fix the cause (export ` +
      'options, the Okta data) and export again.',
  };
}

function unreadable(message: string): BundleFinding {
  return { code: 'manifest-unreadable', file: BUNDLE_FILE_NAMES.manifest, message, fix: EXPORT_AGAIN };
}

function finding(code: BundleFinding['code'], message: string, fix: string): { finding: BundleFinding } {
  return { finding: { code, file: BUNDLE_FILE_NAMES.manifest, message, fix } };
}
