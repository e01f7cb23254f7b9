// The permission helpers: exact modes whatever existed, notices only when something changed, nothing changed on
// Windows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateFile, ensurePrivateFolder } from '../../../electron/core/files/privateModes';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('privateModes', () => {
  it('creates a missing file empty with 0600, and an existing one keeps its content', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    ensurePrivateFile(file);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
    fs.writeFileSync(file, 'data');
    fs.chmodSync(file, 0o666);
    ensurePrivateFile(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('data');
    expect(modeOf(file)).toBe(0o600);
  });

  it("tightens an existing folder only when it is the app's own", () => {
    const folder = tempDir();
    fs.chmodSync(folder, 0o755);
    const notices: string[] = [];
    ensurePrivateFolder(folder, { onNotice: (notice) => notices.push(notice) });
    expect(modeOf(folder)).toBe(0o755);
    ensurePrivateFolder(folder, { tightenExisting: true, onNotice: (notice) => notices.push(notice) });
    expect(modeOf(folder)).toBe(0o700);
    expect(notices).toEqual([expect.stringContaining(`the folder ${folder} from 0755 to 0700`)]);
  });

  it('changes no mode on Windows, which has no POSIX permission bits', () => {
    const folder = tempDir();
    const file = path.join(folder, 'cache.sqlite');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    fs.chmodSync(folder, 0o755);
    const notices: string[] = [];
    ensurePrivateFile(file, { platform: 'win32', onNotice: (notice) => notices.push(notice) });
    ensurePrivateFolder(folder, {
      platform: 'win32',
      tightenExisting: true,
      onNotice: (notice) => notices.push(notice),
    });
    expect([modeOf(file), modeOf(folder), notices]).toEqual([0o644, 0o755, []]);
  });
});
