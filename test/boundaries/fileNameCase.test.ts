// No two files whose paths differ only in letter case: on macOS and Windows they are one file, and a bundler
// resolving `./uploadJobView` may pick either (a .ts helper and a .tsx component of the same name did exactly that).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Groups of paths that are equal ignoring case and extension (what an extensionless import can resolve to). */
export function caseClashes(paths: readonly string[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const file of paths) {
    const key = file.replace(/\.(ts|tsx|js|mjs|cjs|jsx)$/, '').toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), file]);
  }
  return [...byKey.values()].filter((group) => group.length > 1 && new Set(group).size > 1);
}

describe('file names', () => {
  it('finds a clash between a .ts and a .tsx file whose names differ only in case', () => {
    expect(caseClashes(['a/uploadJobView.ts', 'a/UploadJobView.tsx', 'a/other.ts'])).toEqual([
      ['a/uploadJobView.ts', 'a/UploadJobView.tsx'],
    ]);
  });

  it('no two tracked files differ only in case (ignoring the script extension)', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
    expect(caseClashes(tracked.filter((file) => /\.(ts|tsx|js|mjs|cjs|jsx)$/.test(file)))).toEqual([]);
  });
});
