// Turns credentials (an SSWS API token, or an OAuth service app's client id and private key) into the Okta client's
// authoriser. The CLI, the app's service and its pull jobs all sign in through here.
import type { OktaAuth } from './auth';
import { createOktaAuth } from './oauth/createOktaAuth';

export type OktaCredentials =
  | { kind: 'ssws'; token: string }
  | {
      kind: 'oauth';
      clientId: string;
      /** The key's text (PEM or JWK). */
      privateKey: string;
      /** The key file's path, named in error messages (the CLI's --private-key-file; the app stores the key itself). */
      privateKeyFile?: string;
    };

/** Throws PrivateKeyError when the key cannot be used; `signal` cancels the OAuth token requests made later. */
export async function authFromCredentials(
  credentials: OktaCredentials,
  orgUrl: string,
  signal?: AbortSignal,
): Promise<OktaAuth> {
  if (credentials.kind === 'ssws') return createOktaAuth(credentials);
  return createOktaAuth({
    kind: 'oauth',
    orgUrl,
    clientId: credentials.clientId,
    privateKey: credentials.privateKey,
    keyFileName: credentials.privateKeyFile,
    signal,
  });
}
