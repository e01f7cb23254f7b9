// Reads a token or private-key file the user named, refusing one that other users can open or one too large to be a
// secret.
// Used by the CLI (--token-file, --private-key-file) and by the app's service (a token file named on the Connect
// screen).
import fs from 'node:fs';

/** A token is a line and a key a few kilobytes: anything larger is the wrong file (and is not read into memory). */
export const MAX_SECRET_FILE_BYTES = 64 * 1024;

export class SecretFileError extends Error {
  override name = 'SecretFileError';
}

/**
 * `what` names the file in messages ("the token file"). Group/other permission bits are refused on POSIX because the
 * secret would be readable (or replaceable) by other accounts; Windows has no such mode bits, so the check is skipped.
 */
export function readSecretFile(file: string, what: string, platform: NodeJS.Platform = process.platform): string {
  const stat = statOrExplain(file, what);
  if (!stat.isFile()) throw new SecretFileError(`${what} ${file} is not a file: check the path`);
  if (platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    const access = (stat.mode & 0o044) !== 0 ? 'readable' : 'writable';
    throw new SecretFileError(
      `${what} ${file} is ${access} by other users (mode ${mode}): run \`chmod 600 ${file}\` and try again`,
    );
  }
  if (stat.size > MAX_SECRET_FILE_BYTES) {
    throw new SecretFileError(
      `${what} ${file} is ${stat.size} bytes, too large for a token or key (at most 64 KiB): check the path`,
    );
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SecretFileError(`cannot read ${what} ${file}: ${errorCode(error)}. Check the path.`);
  }
}

function statOrExplain(file: string, what: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (error) {
    throw new SecretFileError(`cannot read ${what} ${file}: ${errorCode(error)}. Check the path.`);
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** Reads an Okta API token file: one word (the token), surrounding white space ignored. */
export function readTokenFile(file: string, platform: NodeJS.Platform = process.platform): string {
  const token = readSecretFile(file, 'the token file', platform).trim();
  if (token === '')
    throw new SecretFileError(`the token file ${file} is empty: put the Okta API token in it (one line)`);
  if (/\s/.test(token))
    throw new SecretFileError(`the token file ${file} holds more than one word: it must contain only the API token`);
  return token;
}
