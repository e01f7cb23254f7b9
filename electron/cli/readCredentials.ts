// Chooses how the CLI signs in to Okta: an SSWS API token (OKTA_API_TOKEN / --token-file) or an OAuth service app
// (--client-id ID --private-key-file FILE). Secrets come from the environment or files, never from the command line.
import type { CliValues } from './cliArgs';
import { usageError } from './cliErrors';
import { readApiToken, readSecretFileForCli } from './readToken';

export type CliCredentials =
  | { kind: 'ssws'; token: string }
  | {
      kind: 'oauth';
      clientId: string;
      /** The key file's text (PEM or JWK); checked when the auth is created. */
      privateKey: string;
      /** The path, for messages. */
      privateKeyFile: string;
    };

type CredentialOptions = Pick<CliValues, 'token-file' | 'client-id' | 'private-key-file'>;

export function readCredentials(values: CredentialOptions, env: NodeJS.ProcessEnv): CliCredentials {
  if (values['client-id'] === undefined && values['private-key-file'] === undefined) {
    if (values['token-file'] === undefined && !env.OKTA_API_TOKEN?.trim()) {
      throw usageError(
        'no Okta credentials: set OKTA_API_TOKEN or pass --token-file FILE (API token), or pass --client-id ' +
          'ID --private-key-file FILE (OAuth service app)',
      );
    }
    return { kind: 'ssws', token: readApiToken(values['token-file'], env) };
  }
  if (values['token-file'] !== undefined) {
    throw usageError(
      'give either --token-file (API token) or --client-id with --private-key-file (OAuth service app), not both',
    );
  }
  if (env.OKTA_API_TOKEN?.trim()) {
    throw usageError(
      'OKTA_API_TOKEN is set and --client-id/--private-key-file are given: use one way to sign in (unset ' +
        'OKTA_API_TOKEN to use the service app)',
    );
  }
  return oauthCredentials(values);
}

/** --client-id with --private-key-file: both are needed, and the id must look like one. */
function oauthCredentials(values: CredentialOptions): CliCredentials {
  const clientId = values['client-id'];
  const keyFile = values['private-key-file'];
  if (clientId === undefined) {
    throw usageError(
      '--private-key-file needs --client-id ID: the client id of the Okta API Services app (General tab, e.g. ' +
        '0oa1b2c3d4e5f6g7h8i9)',
    );
  }
  if (keyFile === undefined) {
    throw usageError(
      `--client-id needs --private-key-file FILE: the private key (PEM or JWK) whose public key is registered ` +
        `on app ${clientId.trim()}`,
    );
  }
  const id = clientId.trim();
  if (id === '' || /[\s\p{Cc}]/u.test(id))
    throw usageError(
      "--client-id is empty or contains white space: give the app's client id, e.g. 0oa1b2c3d4e5f6g7h8i9",
    );
  return { kind: 'oauth', clientId: id, privateKey: readKeyFile(keyFile), privateKeyFile: keyFile };
}

function readKeyFile(file: string): string {
  const text = readSecretFileForCli(file, 'the private key file');
  if (text.trim() === '')
    throw usageError(`the private key file ${file} is empty: put the app's private key (PEM or JWK) in it`);
  return text;
}
