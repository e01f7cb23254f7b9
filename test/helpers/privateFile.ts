// Writes a token or key file as a user should keep one: readable by its owner only (0600), whatever the umask.
import fs from 'node:fs';

export function writePrivateFile(file: string, content: string | Buffer): string {
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // writeFileSync keeps the mode of a file that already existed
  return file;
}
