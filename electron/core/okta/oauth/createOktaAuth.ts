// Makes the Okta client's authoriser from credentials: an SSWS API token, or an OAuth service app (client id + private
// key).
import { SswsTokenAuth, type OktaAuth } from '../auth';
import { loadPrivateKey } from './loadPrivateKey';
import { OAuthServiceAppAuth } from './oauthServiceAppAuth';

export type OktaAuthInput =
  | { kind: 'ssws'; token: string }
  | {
      kind: 'oauth';
      orgUrl: string;
      clientId: string;
      /** The private key's text: PEM (PKCS#8, PKCS#1, SEC1) or a private JWK. */
      privateKey: string;
      /** The key id registered on the app, when the key file does not carry one. */
      keyId?: string;
      /** Names the key file in error messages. */
      keyFileName?: string;
      scopes?: readonly string[];
      fetchImpl?: typeof fetch;
      signal?: AbortSignal;
    };

/** Throws PrivateKeyError (message names the file, never its content) when the key cannot be used. */
export async function createOktaAuth(input: OktaAuthInput): Promise<OktaAuth> {
  if (input.kind === 'ssws') return new SswsTokenAuth(input.token);
  const key = await loadPrivateKey(input.privateKey, { fileName: input.keyFileName, keyId: input.keyId });
  return new OAuthServiceAppAuth({
    orgUrl: input.orgUrl,
    clientId: input.clientId,
    key,
    scopes: input.scopes,
    fetchImpl: input.fetchImpl,
    signal: input.signal,
  });
}
