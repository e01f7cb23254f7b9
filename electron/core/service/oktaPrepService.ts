// The one service behind both transports: connection, pulls and exports (as jobs in worker threads), browsing,
// validation. Secrets go into the SecretStore and never come back out through any method.
import os from 'node:os';
import path from 'node:path';
import type { ServiceImplementation } from '../../../shared/service/contract';
import type { ConnectionInfo, JobState, SnapshotSummary } from '../../../shared/service/types';
import { normaliseOrgUrl, OrgUrlError } from '../okta/orgUrl';
import { OktaClient } from '../okta/oktaClient';
import { OktaError } from '../okta/oktaErrors';
import { runPreflight } from '../pull/preflight';
import { checkQuickRefreshBase, QuickRefreshError } from '../pull/quickRefresh';
import type { Db } from '../store/openDatabase';
import { getSnapshot, latestCompleteSnapshotOf, listSnapshots } from '../store/snapshots';
import { countSnapshotObjects } from '../store/snapshotCounts';
import { appDetail, groupDetail, userAccess } from './browse/accessDetail';
import { browsePage } from './browse/browseTables';
import { credentialsFromInput, loadCredentials, notConnected, SECRET_NAME } from './connectionCredentials';
import { ConnectionSettings } from './connectionSettings';
import type { EventHub } from './eventHub';
import { authFromCredentials } from '../okta/authFromCredentials';
import type { Credentials } from './jobs/jobMessages';
import { JobRegistry } from './jobs/jobRegistry';
import { startJob } from './jobs/startJob';
import { runWorkerTask } from './jobs/runWorkerTask';
import { SampleOrgHost } from './sampleOrgHost';
import type { SecretStore } from './secretStore';
import { ServiceFailure } from './serviceFailure';
import type { UploadStore } from './uploadStore';
import { startFileCheck, validateFilesNow } from './validateFiles';

export interface ServiceDependencies {
  db: Db;
  dbPath: string;
  dataFolder: string;
  secrets: SecretStore;
  events: EventHub;
  transport: 'ipc' | 'http';
  appVersion: string;
  defaultExportFolder?: string;
  /** Files uploaded over HTTP for validation (the browser build); the desktop app passes paths instead. */
  uploads?: UploadStore;
  /** Opens a folder in the OS file manager (Electron shell.openPath); absent in the browser build. */
  openFolder?: (folder: string) => Promise<string>;
}

export function createOktaPrepService(deps: ServiceDependencies): ServiceImplementation & { close(): Promise<void> } {
  const settings = new ConnectionSettings(deps.dataFolder);
  const jobs = new JobRegistry(deps.events);
  const sampleOrg = new SampleOrgHost();
  const countsCache = new Map<number, Record<string, number>>();

  async function connectionInfo(): Promise<ConnectionInfo | null> {
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
  async function requireConnection(): Promise<{ orgUrl: string; credentials: Credentials }> {
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

  /** The base of a quick refresh: the latest complete snapshot of the connected org, checked before the job starts. */
  function quickRefreshBase(orgUrl: string, includeFactors: boolean): number {
    const baseId = latestCompleteSnapshotOf(deps.db, orgUrl);
    if (baseId === undefined)
      throw new ServiceFailure('CONFLICT', `no complete snapshot of ${orgUrl} to refresh from: run a full pull first`);
    try {
      checkQuickRefreshBase(deps.db, baseId, { orgUrl, includeFactors });
    } catch (error) {
      if (error instanceof QuickRefreshError) throw new ServiceFailure('CONFLICT', error.message);
      throw error;
    }
    return baseId;
  }

  function startPull(
    params: {
      includeFactors: boolean;
      readEveryGroup?: boolean;
      share?: number;
      resumeSnapshotId?: number;
      quickRefreshFrom?: number;
    },
    connection: { orgUrl: string; credentials: Credentials },
  ): JobState {
    if (jobs.running('pull'))
      throw new ServiceFailure('CONFLICT', 'a pull is already running: wait for it or cancel it first');
    return startJob(
      jobs,
      'pull',
      {
        kind: 'pull',
        dbPath: deps.dbPath,
        orgUrl: connection.orgUrl,
        credentials: connection.credentials,
        appVersion: deps.appVersion,
        ...params,
      },
      params.resumeSnapshotId,
    );
  }

  async function runQuickTask<T>(task: Parameters<typeof runWorkerTask>[0]): Promise<T> {
    const outcome = await runWorkerTask(task, () => {}).outcome;
    if (!outcome.ok)
      throw new ServiceFailure(outcome.error.code === 'BAD_INPUT' ? 'BAD_INPUT' : 'INTERNAL', outcome.error.message);
    return outcome.result.value as T;
  }

  function summary(snapshot: ReturnType<typeof listSnapshots>[number]): SnapshotSummary {
    let counts = countsCache.get(snapshot.id);
    if (!counts && snapshot.status === 'complete') {
      counts = { ...countSnapshotObjects(deps.db, snapshot.id) };
      countsCache.set(snapshot.id, counts); // a complete snapshot never changes
    }
    return { ...snapshot, counts };
  }

  return {
    'app.info': async () => ({ version: deps.appVersion, transport: deps.transport, dataFolder: deps.dataFolder }),
    'connection.get': connectionInfo,
    'connection.normaliseOrgUrl': async ({ input }) => normalise(input),
    'connection.save': async ({ orgUrl, auth }) => {
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
        if (tokenFile) await deps.secrets.delete(SECRET_NAME);
        else await deps.secrets.set(SECRET_NAME, JSON.stringify(credentials));
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
      return (await connectionInfo())!;
    },
    'connection.useSampleOrg': async () => {
      await sampleOrg.ensure();
      settings.useSampleOrg(true);
      return (await connectionInfo())!;
    },
    'connection.test': async () => {
      const { orgUrl, credentials } = await requireConnection();
      const client = new OktaClient({ orgUrl, auth: await authFromCredentials(credentials, orgUrl), maxRetries: 2 });
      try {
        return await runPreflight(client);
      } catch (error) {
        if (error instanceof OktaError)
          throw new ServiceFailure(error.kind === 'auth' ? 'OKTA_AUTH' : 'OKTA_UNAVAILABLE', error.message);
        throw error;
      }
    },
    'pull.start': async ({ quick, ...params }) => {
      const connection = await requireConnection();
      return startPull(
        quick ? { ...params, quickRefreshFrom: quickRefreshBase(connection.orgUrl, params.includeFactors) } : params,
        connection,
      );
    },
    'pull.resume': async ({ snapshotId }) => {
      const snapshot = getSnapshot(deps.db, snapshotId);
      if (!snapshot) throw new ServiceFailure('NOT_FOUND', `there is no snapshot ${snapshotId}`);
      if (snapshot.status === 'complete')
        throw new ServiceFailure('CONFLICT', `snapshot ${snapshotId} is already complete`);
      const connection = await requireConnection();
      // The sample org gets a new address each time the app starts, so its unfinished pulls cannot be resumed either.
      if (connection.orgUrl !== snapshot.orgUrl) {
        throw new ServiceFailure(
          'CONFLICT',
          `snapshot ${snapshotId} was pulled from ${snapshot.orgUrl}, not the connected ${connection.orgUrl}; ` +
            `connect to that org to resume it, or start a new pull`,
        );
      }
      return startPull({ includeFactors: snapshot.includeFactors, resumeSnapshotId: snapshotId }, connection);
    },
    'jobs.list': async () => jobs.list(),
    'jobs.cancel': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new ServiceFailure('NOT_FOUND', `there is no job ${jobId}`);
      jobs.cancel(jobId);
      return job;
    },
    'snapshots.list': async () => listSnapshots(deps.db).map(summary),
    'browse.page': async (params) => browsePage(deps.db, params),
    'browse.userAccess': async ({ snapshotId, userId }) => userAccess(deps.db, snapshotId, userId),
    'browse.group': async ({ snapshotId, groupId }) => groupDetail(deps.db, snapshotId, groupId),
    'browse.app': async ({ snapshotId, appId }) => appDetail(deps.db, snapshotId, appId),
    'validate.upload': async (params) => validateFilesNow(params, deps),
    'validate.start': async (params) => startFileCheck(jobs, params, deps),
    'validate.snapshot': async ({ snapshotId, options }) =>
      runQuickTask({
        kind: 'validateSnapshot',
        dbPath: deps.dbPath,
        snapshotId,
        options: options ?? {},
        appVersion: deps.appVersion,
      }),
    'export.preview': async ({ snapshotId, options, rows }) =>
      runQuickTask({ kind: 'preview', dbPath: deps.dbPath, snapshotId, options: options ?? {}, rows: rows ?? 5 }),
    'export.start': async ({ snapshotId, outDir, options }) => {
      if (!path.isAbsolute(outDir))
        throw new ServiceFailure('BAD_INPUT', `choose a full folder path (not "${outDir}")`);
      return startJob(
        jobs,
        'export',
        {
          kind: 'export',
          dbPath: deps.dbPath,
          snapshotId,
          outDir,
          options: options ?? {},
          appVersion: deps.appVersion,
        },
        snapshotId,
      );
    },
    'export.defaultFolder': async () => ({
      path: deps.defaultExportFolder ?? path.join(os.homedir(), 'Okta Prep exports'),
    }),
    'export.openFolder': async ({ path: folder }) => {
      // Only folders an export of this service wrote: the renderer cannot make the app open arbitrary paths.
      const exported = jobs
        .list()
        .some(
          (job) =>
            job.kind === 'export' &&
            job.status === 'complete' &&
            (job.result as { outDir?: string } | undefined)?.outDir === folder,
        );
      if (!exported) throw new ServiceFailure('NOT_FOUND', `${folder} is not a folder this session exported to`);
      if (!deps.openFolder)
        return {
          opened: false,
          message: `open ${folder} in your file manager (the browser build cannot open folders)`,
        };
      const error = await deps.openFolder(folder);
      return error ? { opened: false, message: `could not open ${folder}: ${error}` } : { opened: true };
    },
    close: async () => {
      await sampleOrg.close();
      await deps.uploads?.close();
    },
  };
}
