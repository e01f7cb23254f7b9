// Saving a connection: the credentials are tried against the org first, and only credentials Okta accepted are
// stored. A rejected token (401, or 403 on listing users), or an org that cannot be reached, stores nothing.
import type { ConnectionAuthInput } from '../../../shared/service/types';
import { authFromCredentials } from '../okta/authFromCredentials';
import { OktaClient } from '../okta/oktaClient';
import { OktaError } from '../okta/oktaErrors';
import { normaliseOrgUrl, OrgUrlError } from '../okta/orgUrl';
import { cannotConnect, unreachableReport } from '../pull/preflightReach';
import { credentialsFromInput, secretNameFor } from './connectionCredentials';
import type { ServiceContext } from './handlers/serviceContext';
import type { Credentials } from './jobs/jobMessages';
import { ServiceFailure } from './serviceFailure';

export function normalise(input: string): { url: string; notes: string[] } {
  try {
    return normaliseOrgUrl(input);
  } catch (error) {
    if (error instanceof OrgUrlError) throw new ServiceFailure('BAD_INPUT', error.message);
    throw error;
  }
}

/** What the user typed, as an org URL and credentials an OktaClient can use (a bad key or token file refused now). */
export async function candidateClient(
  orgUrl: string,
  auth: ConnectionAuthInput,
): Promise<{ url: string; credentials: Credentials; client: OktaClient }> {
  const { url } = normalise(orgUrl);
  const credentials = credentialsFromInput(auth);
  try {
    const client = new OktaClient({ orgUrl: url, auth: await authFromCredentials(credentials, url), maxRetries: 1 });
    return { url, credentials, client };
  } catch (error) {
    throw new ServiceFailure('BAD_INPUT', (error as Error).message);
  }
}

/** One cheap request with the new credentials; throws (and nothing is saved) unless Okta accepted them. */
export async function verifyBeforeSaving(client: OktaClient): Promise<void> {
  try {
    await client.getPage('/api/v1/users?limit=1', 'users');
  } catch (error) {
    if (!(error instanceof OktaError)) throw error;
    if (cannotConnect(error))
      throw new ServiceFailure(
        'OKTA_UNAVAILABLE',
        `${unreachableReport(client.orgUrl, error, []).unreachable!.message} Nothing was saved.`,
      );
    if (error.kind === 'auth' || error.kind === 'permission')
      throw new ServiceFailure('OKTA_AUTH', `${error.message} Nothing was saved.`);
    throw new ServiceFailure('OKTA_UNAVAILABLE', `${error.message} Nothing was saved.`);
  }
}

/** Stores accepted credentials under their org's name and makes the connection the one in use. */
export async function storeConnection(
  { deps, settings }: ServiceContext,
  url: string,
  auth: ConnectionAuthInput,
  credentials: Credentials,
): Promise<void> {
  const tokenFile = 'tokenFile' in auth ? auth.tokenFile : undefined;
  try {
    // A token file is read again each time; a stored secret from before must not outlive the switch to it.
    if (tokenFile) await deps.secrets.delete(secretNameFor(url));
    else await deps.secrets.set(secretNameFor(url), JSON.stringify(credentials));
  } catch (error) {
    throw new ServiceFailure('BAD_INPUT', `the credentials could not be saved: ${(error as Error).message}`);
  }
  settings.write({
    orgUrl: url,
    authKind: auth.kind,
    clientId: credentials.kind === 'oauth' ? credentials.clientId : undefined,
    tokenFile,
  });
  settings.useSampleOrg(false);
}
