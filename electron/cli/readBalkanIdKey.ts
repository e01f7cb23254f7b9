// The BalkanID API key for `upload` and `fake-balkanid`: the id from --api-key-id, the secret from
// --api-key-secret-file (mode 0600) or, for scripts whose secret manager sets it, OKTA_PREP_BALKANID_SECRET — never
// from the command line, where other users could see it (ps, shell history).
import { ApiKeyError, checkApiKey, readApiKeySecretFile, type BalkanIdApiKey } from '../core/balkanid/upload/apiKey';
import { SecretFileError } from '../core/files/readSecretFile';
import type { CliValues } from './cliArgs';
import { usageError } from './cliErrors';

export const SECRET_ENV = 'OKTA_PREP_BALKANID_SECRET';

export function readBalkanIdKey(values: CliValues, env: NodeJS.ProcessEnv, defaultId?: string): BalkanIdApiKey {
  const id = values['api-key-id'] ?? defaultId;
  if (id === undefined) throw usageError('give the BalkanID API key id with --api-key-id ID');
  try {
    const file = values['api-key-secret-file'];
    const secret = file !== undefined ? readApiKeySecretFile(file) : env[SECRET_ENV];
    if (secret === undefined || secret.trim() === '')
      throw usageError(
        `no BalkanID API key secret: pass --api-key-secret-file FILE (a file only you can read: chmod 600 FILE) or ` +
          `set ${SECRET_ENV}; the secret is never taken as an argument`,
      );
    return checkApiKey(id, secret);
  } catch (error) {
    if (error instanceof SecretFileError || error instanceof ApiKeyError) throw usageError(error.message);
    throw error;
  }
}
