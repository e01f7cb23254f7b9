// The one service behind both transports: connection, pulls and exports (as jobs in worker threads), browsing,
// validation, export profiles, uploads to BalkanID. Each area's methods are in handlers/ (or their own folder);
// this composes them over one shared context.
// Secrets go into the SecretStore and never come back out through any method.
import type { ServiceImplementation } from '../../../shared/service/contract';
import { BrowseQueries } from './browse/browseQueries';
import { ConnectionSettings } from './connectionSettings';
import { browseHandlers } from './handlers/browseHandlers';
import { connectionHandlers } from './handlers/connectionHandlers';
import { exportProfileMethods } from './exportProfileMethods';
import { auditMethods } from './auditMethods';
import { auditReportMethods } from './auditReportMethods';
import { exportHandlers } from './handlers/exportHandlers';
import { pullHandlers } from './handlers/pullHandlers';
import { snapshotHandlers } from './handlers/snapshotHandlers';
import type { ServiceContext, ServiceDependencies } from './handlers/serviceContext';
import { validateHandlers } from './handlers/validateHandlers';
import { JobRegistry } from './jobs/jobRegistry';
import { SampleOrgHost } from './sampleOrgHost';
import { snapshotCompareMethods } from './snapshotCompareMethods';
import { createUploadMethods } from './upload/uploadMethods';

export type { ServiceDependencies } from './handlers/serviceContext';

export function createOktaPrepService(deps: ServiceDependencies): ServiceImplementation & { close(): Promise<void> } {
  const ctx: ServiceContext = {
    deps,
    settings: new ConnectionSettings(deps.dataFolder),
    jobs: new JobRegistry(deps.events),
    sampleOrg: new SampleOrgHost(),
    browse: new BrowseQueries(deps.dbPath),
  };
  return {
    'app.info': async () => ({ version: deps.appVersion, transport: deps.transport, dataFolder: deps.dataFolder }),
    ...connectionHandlers(ctx),
    ...pullHandlers(ctx),
    ...snapshotHandlers(ctx),
    ...browseHandlers(ctx),
    ...validateHandlers(ctx),
    ...exportHandlers(ctx),
    ...exportProfileMethods(deps.dataFolder),
    ...createUploadMethods({ jobs: ctx.jobs, secrets: deps.secrets }),
    ...auditMethods(deps.db),
    ...auditReportMethods(deps),
    ...snapshotCompareMethods(deps),
    close: async () => {
      await ctx.sampleOrg.close();
      await ctx.browse.close();
      await deps.uploads?.close();
    },
  };
}
