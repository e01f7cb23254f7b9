// Checks a bundle folder before it is uploaded: manifest.json is readable and well formed, the export found no
// validation errors, and every CSV file the manifest lists is there with the manifest's size, SHA-256 and rows.
//
// Rows are counted here (record ends outside quotes, in the same streamed read as the SHA-256) rather than taken from
// a validator run: it costs nothing extra, and it holds for any bundle, not only one the validator saw.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type BundleCheckReport,
  type BundleFinding,
  type CheckedBundleFile,
} from '../../../../shared/balkanid/bundleCheck';
import { checkBundleFile } from './checkBundleFile';
import { manifestFiles, type UploadableManifest } from './manifestSchema';
import { readManifest } from './readManifest';

export interface CheckedBundle {
  report: BundleCheckReport;
  /** Present when manifest.json could be read. */
  manifest?: UploadableManifest;
}

export async function checkBundle(dir: string, signal?: AbortSignal): Promise<CheckedBundle> {
  const absolute = path.resolve(dir);
  const report: BundleCheckReport = { dir: absolute, ok: false, findings: [], files: [] };
  const folderProblem = await checkFolder(absolute);
  if (folderProblem) return { report: { ...report, findings: [folderProblem] } };
  const read = await readManifest(absolute);
  if ('finding' in read) return { report: { ...report, findings: [read.finding] } };
  const { manifest } = read;
  const findings: BundleFinding[] = [];
  if (manifest.validation.errors > 0)
    findings.push(validationErrors(manifest.validation.errors, manifest.publishedDespiteErrors === true));
  const files: CheckedBundleFile[] = [];
  for (const { kind, entry } of manifestFiles(manifest)) {
    const checked = await checkBundleFile(absolute, kind, entry, signal);
    files.push(checked.file);
    findings.push(...checked.findings);
  }
  return {
    manifest,
    report: {
      ...report,
      ok: findings.length === 0,
      findings,
      files,
      orgUrl: manifest.orgUrl,
      snapshotId: manifest.snapshot?.id,
      validation: { errors: manifest.validation.errors, warnings: manifest.validation.warnings },
    },
  };
}

async function checkFolder(dir: string): Promise<BundleFinding | undefined> {
  const fix = 'Give the folder an export wrote (okta-prep export --out DIR, or the Export screen).';
  try {
    if (!(await fs.stat(dir)).isDirectory()) return { code: 'folder-missing', message: `${dir} is not a folder`, fix };
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { code: 'folder-missing', message: `cannot open the folder ${dir} (${code})`, fix };
  }
}

/** Refused always, also when the files were published under the upload names on request (--allow-invalid). */
function validationErrors(errors: number, publishedDespiteErrors: boolean): BundleFinding {
  const despite = publishedDespiteErrors ? ' (published under the upload names on request, --allow-invalid)' : '';
  return {
    code: 'validation-errors',
    message:
      `the export found ${errors} validation error${errors === 1 ? '' : 's'}${despite}: BalkanID would reject ` +
      'these files',
    fix:
      'Check the files with okta-prep validate (or the Validate screen), fix the cause (export options, the Okta ' +
      'data), then export again.',
  };
}
