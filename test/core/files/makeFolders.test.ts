// Creating folders one level at a time: missing parents made with the mode asked for, an existing folder left alone,
// and a path that cannot be made (a file in the way, /proc) refused at once with mkdir's own error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../../electron/core/files/makeFolders';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  return 'no error';
};

describe('makeFolders', () => {
  it('creates the missing parents 0700 and returns the top-most one it created, as recursive mkdir does', () => {
    const root = tempDir();
    const folder = path.join(root, 'a', 'b', 'c');
    const previousUmask = process.umask(0o022);
    try {
      expect(makeFolders(folder, 0o700)).toBe(path.join(root, 'a'));
    } finally {
      process.umask(previousUmask);
    }
    for (const level of ['a', 'a/b', 'a/b/c']) expect(fs.statSync(path.join(root, level)).mode & 0o777).toBe(0o700);
    expect(makeFolders(folder, 0o700)).toBeUndefined();
  });

  it('refuses a path through a file with ENOTDIR or EEXIST, creating nothing', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'file'), 'x');
    expect(codeOf(() => makeFolders(path.join(root, 'file', 'below')))).toBe('EEXIST');
    expect(codeOf(() => makeFolders(path.join(root, 'file')))).toBe('EEXIST');
    expect(fs.readdirSync(root)).toEqual(['file']);
  });

  it('refuses a folder under /proc at once, where recursive mkdir would retry forever', () => {
    expect(codeOf(() => makeFolders('/proc/okta-prep-test/export'))).toBe('ENOENT');
  });
});
