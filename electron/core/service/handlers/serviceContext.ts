// What every group of the service's handlers shares: the dependencies the service was built with and the state of
// its session (saved connection, jobs, the sample org). oktaPrepService.ts builds it once and hands it to each group.
import type { MethodName, ServiceImplementation } from '../../../../shared/service/contract';
import type { Db } from '../../store/openDatabase';
import type { BrowseQueries } from '../browse/browseQueries';
import type { ConnectionSettings } from '../connectionSettings';
import type { EventHub } from '../eventHub';
import type { JobRegistry } from '../jobs/jobRegistry';
import type { SampleOrgHost } from '../sampleOrgHost';
import type { SecretStore } from '../secretStore';
import type { UploadStore } from '../uploadStore';

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
  /** The desktop app's native folder dialog: the folder chosen, undefined when closed; absent in the browser build. */
  chooseFolder?: (defaultPath?: string) => Promise<string | undefined>;
}

export interface ServiceContext {
  deps: ServiceDependencies;
  settings: ConnectionSettings;
  jobs: JobRegistry;
  sampleOrg: SampleOrgHost;
  /** The browse worker: Browse queries run there, off the main thread. */
  browse: BrowseQueries;
}

/** The handlers of the methods named `area.…` (HandlersOf<'pull' | 'jobs'>: pull.start, pull.resume, jobs.list…). */
export type HandlersOf<Area extends string> = Pick<ServiceImplementation, Extract<MethodName, `${Area}.${string}`>>;
