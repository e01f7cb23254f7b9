// connection.*: the saved connection (or the sample org), saving new credentials, and the permission check.
// Secrets go into the SecretStore and never come back out through any method.
import type { ParamsOf } from '../../../../shared/service/contract';
import type { ConnectionInfo, PreflightReport } from '../../../../shared/service/types';
import { authFromCredentials } from '../../okta/authFromCredentials';
import { OktaClient } from '../../okta/oktaClient';
import { OktaError } from '../../okta/oktaErrors';
import { normaliseOrgUrl, OrgUrlError } from '../../okta/orgUrl';
import { runPreflight } from '../../pull/preflight';
import { credentialsFromInput, loadCredentials, notConnected, SECRET_NAME } from '../connectionCredentials';
import type { Credentials } from '../jobs/jobMessages';
import { ServiceFailure } from '../serviceFailure';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function connectionHandlers(ctx: ServiceContext): HandlersOf<'connection'> {
  return {
    'connection.get': () => connectionInfo(ctx),
    'connection.normaliseOrgUrl': async ({ input }) => normalise(input),
    'connection.save': (params) => saveConnection(ctx, params),
    'connection.useSampleOrg': async () => {
      await ctx.sampleOrg.ensure();
      ctx.settings.useSampleOrg(true);
      return (await connectionInfo(ctx))!;
    },
    'connection.test': () => testConnection(ctx),
  };
}

async function connectionInfo({ deps, settings, sampleOrg }: ServiceContext): Promise<ConnectionInfo | null> {
  if (settings.usesSampleOrg()) {
    // The sample org runs on a new port each time the app starts: always report the live one.
    const { url } = await sampleOrg.ensure();
    return {
      orgUrl: url,
      authKind: 'ssws',
      hasSecret: true,
      isSampleOrg: true,
      secretPersistence: deps.secrets.persistence(),
    };
  }
  const saved = settings.read();
  if (!saved) return null;
  const info: Omit<ConnectionInfo, 'secretPersistence'> = {
    ...saved,
    isSampleOrg: false,
    hasSecret: saved.tokenFile !== undefined || (await deps.secrets.get(SECRET_NAME)) !== undefined,
  };
  const notices = deps.secrets.takeNotices();
  return { ...info, secretPersistence: deps.secrets.persistence(), ...(notices.length > 0 && { notices }) };
}

/** The sample org's throw-away token stays in memory: it never goes into the secret store over saved credentials. */
export async function requireConnection({
  deps,
  settings,
  sampleOrg,
}: ServiceContext): Promise<{ orgUrl: string; credentials: Credentials }> {
  if (settings.usesSampleOrg()) {
    const { url, token } = await sampleOrg.ensure();
    return { orgUrl: url, credentials: { kind: 'ssws', token } };
  }
  const saved = settings.read();
  const credentials = saved && (await loadCredentials(saved, deps.secrets));
  if (!saved || !credentials) throw notConnected(saved, deps.secrets.persistence());
  return { orgUrl: saved.orgUrl, credentials };
}

function normalise(input: string): { url: string; notes: string[] } {
  try {
    return normaliseOrgUrl(input);
  } catch (error) {
    if (error instanceof OrgUrlError) throw new ServiceFailure('BAD_INPUT', error.message);
    throw error;
  }
}

async function saveConnection(
  ctx: ServiceContext,
  { orgUrl, auth }: ParamsOf<'connection.save'>,
): Promise<ConnectionInfo> {
  const { url } = normalise(orgUrl);
  const credentials = credentialsFromInput(auth);
  const tokenFile = 'tokenFile' in auth ? auth.tokenFile : undefined;
  try {
    await authFromCredentials(credentials, url); // rejects an empty token or an unreadable key now, not mid-pull
  } catch (error) {
    throw new ServiceFailure('BAD_INPUT', (error as Error).message);
  }
  try {
    // A token file is read again each time; a stored secret from before must not outlive the switch to it.
    if (tokenFile) await ctx.deps.secrets.delete(SECRET_NAME);
    else await ctx.deps.secrets.set(SECRET_NAME, JSON.stringify(credentials));
  } catch (error) {
    throw new ServiceFailure('BAD_INPUT', `the credentials could not be saved: ${(error as Error).message}`);
  }
  ctx.settings.write({
    orgUrl: url,
    authKind: auth.kind,
    clientId: credentials.kind === 'oauth' ? credentials.clientId : undefined,
    tokenFile,
  });
  ctx.settings.useSampleOrg(false);
  return (await connectionInfo(ctx))!;
}

async function testConnection(ctx: ServiceContext): Promise<PreflightReport> {
  const { orgUrl, credentials } = await requireConnection(ctx);
  const client = new OktaClient({ orgUrl, auth: await authFromCredentials(credentials, orgUrl), maxRetries: 2 });
  try {
    return await runPreflight(client);
  } catch (error) {
    if (error instanceof OktaError)
      throw new ServiceFailure(error.kind === 'auth' ? 'OKTA_AUTH' : 'OKTA_UNAVAILABLE', error.message);
    throw error;
  }
}
