// connection.*: the connection in use (or the sample org), the saved ones, saving new credentials (only once Okta
// accepted them), and the permission check. Secrets go into the SecretStore and never come back out.
import type { ParamsOf } from '../../../../shared/service/contract';
import type { ConnectionInfo, PreflightReport, SavedConnectionInfo } from '../../../../shared/service/types';
import { authFromCredentials } from '../../okta/authFromCredentials';
import { OktaClient } from '../../okta/oktaClient';
import { OktaError } from '../../okta/oktaErrors';
import { runPreflight } from '../../pull/preflight';
import { adoptLegacySecret, loadCredentials, notConnected, secretNameFor } from '../connectionCredentials';
import { candidateClient, normalise, storeConnection, verifyBeforeSaving } from '../connectionSaving';
import type { SavedConnection } from '../connectionSettings';
import type { Credentials } from '../jobs/jobMessages';
import { ServiceFailure } from '../serviceFailure';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function connectionHandlers(ctx: ServiceContext): HandlersOf<'connection'> {
  return {
    'connection.get': () => connectionInfo(ctx),
    'connection.normaliseOrgUrl': async ({ input }) => normalise(input),
    'connection.save': async ({ orgUrl, auth }) => {
      const { url, credentials, client } = await candidateClient(orgUrl, auth);
      await verifyBeforeSaving(client);
      await storeConnection(ctx, url, auth, credentials);
      return (await connectionInfo(ctx))!;
    },
    'connection.useSampleOrg': async () => {
      await ctx.sampleOrg.ensure();
      ctx.settings.useSampleOrg(true);
      return (await connectionInfo(ctx))!;
    },
    'connection.test': (params) => testConnection(ctx, params),
    'connection.list': () => savedConnections(ctx),
    'connection.use': ({ orgUrl }) => useSaved(ctx, orgUrl),
    'connection.remove': async ({ orgUrl }) => {
      if (!ctx.settings.list().some((entry) => entry.orgUrl === orgUrl))
        throw new ServiceFailure('NOT_FOUND', `no saved connection to ${orgUrl}`);
      await ctx.deps.secrets.delete(secretNameFor(orgUrl));
      ctx.settings.remove(orgUrl);
      return savedConnections(ctx);
    },
  };
}

async function connectionInfo(ctx: ServiceContext): Promise<ConnectionInfo | null> {
  const { deps, settings, sampleOrg } = ctx;
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
  const info = { ...saved, isSampleOrg: false, hasSecret: await hasSecret(ctx, saved) };
  const notices = deps.secrets.takeNotices();
  return { ...info, secretPersistence: deps.secrets.persistence(), ...(notices.length > 0 && { notices }) };
}

async function hasSecret({ deps, settings }: ServiceContext, saved: SavedConnection): Promise<boolean> {
  await adoptLegacySecret(deps.secrets, settings.read());
  return saved.tokenFile !== undefined || (await deps.secrets.get(secretNameFor(saved.orgUrl))) !== undefined;
}

async function savedConnections(ctx: ServiceContext): Promise<SavedConnectionInfo[]> {
  const current = ctx.settings.usesSampleOrg() ? undefined : ctx.settings.read()?.orgUrl;
  const entries = ctx.settings.list();
  return Promise.all(
    entries.map(async (entry) => ({
      ...entry,
      hasSecret: await hasSecret(ctx, entry),
      current: entry.orgUrl === current,
    })),
  );
}

async function useSaved(ctx: ServiceContext, orgUrl: string): Promise<ConnectionInfo> {
  const entry = ctx.settings.list().find((candidate) => candidate.orgUrl === orgUrl);
  if (!entry) throw new ServiceFailure('NOT_FOUND', `no saved connection to ${orgUrl}`);
  await adoptLegacySecret(ctx.deps.secrets, ctx.settings.read()); // before the switch: it belongs to the old one
  ctx.settings.write(entry);
  ctx.settings.useSampleOrg(false);
  return (await connectionInfo(ctx))!;
}

/** The sample org's throw-away token stays in memory: it never goes into the secret store over saved credentials. */
export async function requireConnection(ctx: ServiceContext): Promise<{ orgUrl: string; credentials: Credentials }> {
  const { deps, settings, sampleOrg } = ctx;
  if (settings.usesSampleOrg()) {
    const { url, token } = await sampleOrg.ensure();
    return { orgUrl: url, credentials: { kind: 'ssws', token } };
  }
  const saved = settings.read();
  if (saved) await adoptLegacySecret(deps.secrets, saved);
  const credentials = saved && (await loadCredentials(saved, deps.secrets));
  if (!saved || !credentials) throw notConnected(saved, deps.secrets.persistence());
  return { orgUrl: saved.orgUrl, credentials };
}

/** Tests what was typed (nothing is saved) or, without params, the connection in use. */
async function testConnection(ctx: ServiceContext, params: ParamsOf<'connection.test'>): Promise<PreflightReport> {
  const { orgUrl, auth } = params;
  if ((orgUrl === undefined) !== (auth === undefined))
    throw new ServiceFailure('BAD_INPUT', 'give both the org URL and the credentials to test, or neither');
  const client =
    orgUrl !== undefined && auth !== undefined ? (await candidateClient(orgUrl, auth)).client : await savedClient(ctx);
  try {
    return await runPreflight(client);
  } catch (error) {
    if (error instanceof OktaError)
      throw new ServiceFailure(error.kind === 'auth' ? 'OKTA_AUTH' : 'OKTA_UNAVAILABLE', error.message);
    throw error;
  }
}

async function savedClient(ctx: ServiceContext): Promise<OktaClient> {
  const { orgUrl, credentials } = await requireConnection(ctx);
  return new OktaClient({ orgUrl, auth: await authFromCredentials(credentials, orgUrl), maxRetries: 2 });
}
