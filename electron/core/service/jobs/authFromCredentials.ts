// Turns stored credentials into the Okta client's authoriser (SSWS token or OAuth service app).
import { SswsTokenAuth, type OktaAuth } from '../../okta/auth';
import type { Credentials } from './jobMessages';

export async function authFromCredentials(credentials: Credentials, orgUrl: string): Promise<OktaAuth> {
  if (credentials.kind === 'ssws') return new SswsTokenAuth(credentials.token);
  const { createOktaAuth } = await import('../../okta/oauth/createOktaAuth');
  return createOktaAuth({ kind: 'oauth', orgUrl, clientId: credentials.clientId, privateKey: credentials.privateKey });
}
