// Token and key files: refused when other users can open them or when too large, with a message that says how to fix
// it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SECRET_FILE_BYTES, readSecretFile, SecretFileError } from '../../../electron/core/files/readSecretFile';
import { errorThrownBy } from '../../helpers/errorThrownBy';
import { writePrivateFile } from '../../helpers/privateFile';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

function fileWithMode(content: string, mode: number): string {
  const file = path.join(tempDir(), 'token.txt');
  fs.writeFileSync(file, content);
  fs.chmodSync(file, mode);
  return file;
}

function refusal(file: string, platform: NodeJS.Platform = 'linux'): string {
  const error = errorThrownBy(() => readSecretFile(file, 'the token file', platform), `expected ${file} to be refused`);
  expect(error).toBeInstanceOf(SecretFileError);
  return (error as Error).message;
}

describe('readSecretFile', () => {
  it('reads a file only its owner can open (0600 or 0400)', () => {
    expect(readSecretFile(fileWithMode('tok\n', 0o600), 'the token file', 'linux')).toBe('tok\n');
    expect(readSecretFile(fileWithMode('tok\n', 0o400), 'the token file', 'linux')).toBe('tok\n');
  });

  it('refuses a file other users can read, naming its mode and the chmod that fixes it', () => {
    const file = fileWithMode('tok', 0o644);
    expect(refusal(file)).toBe(
      `the token file ${file} is readable by other users (mode 0644): run \`chmod 600 ${file}\` and try again`,
    );
    const groupReadable = fileWithMode('tok', 0o640);
    expect(refusal(groupReadable)).toContain('is readable by other users (mode 0640)');
  });

  it('refuses a file other users can change, even when they cannot read it', () => {
    expect(refusal(fileWithMode('tok', 0o620))).toMatch(/is writable by other users \(mode 0620\): run `chmod 600 /);
  });

  it('skips the mode check on Windows, which has no such permission bits', () => {
    expect(readSecretFile(fileWithMode('tok', 0o644), 'the token file', 'win32')).toBe('tok');
  });

  it('accepts 64 KiB and refuses one byte more', () => {
    const dir = tempDir();
    const limit = writePrivateFile(path.join(dir, 'limit.pem'), 'k'.repeat(MAX_SECRET_FILE_BYTES));
    expect(readSecretFile(limit, 'the private key file', 'linux')).toHaveLength(64 * 1024);
    const over = writePrivateFile(path.join(dir, 'over.pem'), 'k'.repeat(MAX_SECRET_FILE_BYTES + 1));
    expect(refusal(over)).toMatch(/is 65537 bytes, too large for a token or key \(at most 64 KiB\): check the path$/);
  });

  it('explains a missing path and a folder', () => {
    const dir = tempDir();
    expect(refusal(path.join(dir, 'nope.txt'))).toMatch(
      /^cannot read the token file .*nope\.txt: ENOENT\. Check the path\.$/,
    );
    expect(refusal(dir)).toBe(`the token file ${dir} is not a file: check the path`);
  });
});
