// Gets the Okta API token from OKTA_API_TOKEN or --token-file, never from the command line (it would show in `ps`).
import { readSecretFile, readTokenFile, SecretFileError } from '../core/files/readSecretFile';
import { usageError } from './cliErrors';

export function readApiToken(tokenFile: string | undefined, env: NodeJS.ProcessEnv): string {
  if (tokenFile !== undefined) return asUsageError(() => readTokenFile(tokenFile));
  const fromEnv = env.OKTA_API_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  throw usageError(
    'no Okta API token: set the environment variable OKTA_API_TOKEN or pass --token-file FILE (the token is ' +
      'never taken as an argument, where other users could see it)',
  );
}

/**
 * Reads a token or key file (mode 0600, at most 64 KiB); a refusal is a usage error (exit 2) that says how to fix it.
 */
export function readSecretFileForCli(file: string, what: string): string {
  return asUsageError(() => readSecretFile(file, what));
}

function asUsageError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SecretFileError) throw usageError(error.message);
    throw error;
  }
}
