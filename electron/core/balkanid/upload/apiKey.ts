// The BalkanID API key: an id and a secret, sent only as the X-Api-Key-ID / X-Api-Key-Secret headers of the request
// for an upload URL. The secret comes from a file only its owner can read (or, for scripts, an environment variable),
// never from the command line, and no message ever quotes it.
import { readSecretFile, SecretFileError } from '../../files/readSecretFile';

export interface BalkanIdApiKey {
  id: string;
  secret: string;
}

export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

/** Visible ASCII only: anything else cannot go in an HTTP header (and is the wrong file or a paste gone wrong). */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export function checkApiKey(id: string, secret: string): BalkanIdApiKey {
  const trimmedId = id.trim();
  const trimmedSecret = secret.trim();
  if (trimmedId === '') throw new ApiKeyError('give the BalkanID API key id');
  if (!HEADER_SAFE.test(trimmedId))
    throw new ApiKeyError('the BalkanID API key id holds spaces or characters an API key id does not have');
  if (trimmedSecret === '') throw new ApiKeyError('the BalkanID API key secret is empty');
  if (!HEADER_SAFE.test(trimmedSecret))
    throw new ApiKeyError(
      'the BalkanID API key secret holds spaces, line breaks or other characters a key secret does not have: ' +
        'it must hold only the secret',
    );
  return { id: trimmedId, secret: trimmedSecret };
}

/** Reads the secret from a file (mode 0600, at most 64 KiB); the file must hold only the secret. */
export function readApiKeySecretFile(file: string, platform: NodeJS.Platform = process.platform): string {
  const secret = readSecretFile(file, 'the API key secret file', platform).trim();
  if (secret === '') throw new SecretFileError(`the API key secret file ${file} is empty: put the secret in it`);
  if (!HEADER_SAFE.test(secret))
    throw new SecretFileError(`the API key secret file ${file} must hold only the secret (one word, one line)`);
  return secret;
}
