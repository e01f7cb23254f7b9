// The one service interface both transports carry: method names with their params and results, and the events.
// METHOD_NAMES doubles as the allowlist the dispatcher (and the IPC adapter) checks.
import type { ValidationReport } from '../balkanid/findings';
import type {
  AppDetail,
  AppInfo,
  BrowsePage,
  BrowsePageParams,
  ConnectionAuthInput,
  ConnectionInfo,
  CsvFileRef,
  ExportOptionsInput,
  ExportPreview,
  GroupDetail,
  JobState,
  PreflightReport,
  SnapshotSummary,
  UserAccessDetail,
} from './types';

type Empty = Record<string, never>;

export interface ServiceMethods {
  'app.info': { params: Empty; result: AppInfo };
  'connection.get': { params: Empty; result: ConnectionInfo | null };
  'connection.normaliseOrgUrl': { params: { input: string }; result: { url: string; notes: string[] } };
  'connection.save': { params: { orgUrl: string; auth: ConnectionAuthInput }; result: ConnectionInfo };
  'connection.useSampleOrg': { params: Empty; result: ConnectionInfo };
  'connection.test': { params: Empty; result: PreflightReport };
  /** quick: refresh from the latest complete snapshot of the connected org (changed users and memberships only). */
  'pull.start': {
    params: { includeFactors: boolean; readEveryGroup?: boolean; share?: number; quick?: boolean };
    result: JobState;
  };
  'pull.resume': { params: { snapshotId: number }; result: JobState };
  'jobs.list': { params: Empty; result: JobState[] };
  'jobs.cancel': { params: { jobId: string }; result: JobState };
  'snapshots.list': { params: Empty; result: SnapshotSummary[] };
  'browse.page': { params: BrowsePageParams; result: BrowsePage };
  'browse.userAccess': { params: { snapshotId: number; userId: string }; result: UserAccessDetail };
  'browse.group': { params: { snapshotId: number; groupId: string }; result: GroupDetail };
  'browse.app': { params: { snapshotId: number; appId: string }; result: AppDetail };
  /** Validates files already uploaded (or, in the desktop app, on disk); the check runs in a worker thread. */
  'validate.upload': { params: { entities?: CsvFileRef; relations?: CsvFileRef }; result: ValidationReport };
  /** The same check as a job (kind 'validate'): progress and cancel; its result is the report (none if cancelled). */
  'validate.start': { params: { entities?: CsvFileRef; relations?: CsvFileRef }; result: JobState };
  'validate.snapshot': { params: { snapshotId: number; options?: ExportOptionsInput }; result: ValidationReport };
  'export.preview': {
    params: { snapshotId: number; options?: ExportOptionsInput; rows?: number };
    result: ExportPreview;
  };
  'export.start': { params: { snapshotId: number; outDir: string; options?: ExportOptionsInput }; result: JobState };
  'export.defaultFolder': { params: Empty; result: { path: string } };
  /** Opens a finished export's folder in the OS file manager (the desktop app only; the browser build says so). */
  'export.openFolder': { params: { path: string }; result: { opened: boolean; message?: string } };
}

export type MethodName = keyof ServiceMethods;
export type ParamsOf<M extends MethodName> = ServiceMethods[M]['params'];
export type ResultOf<M extends MethodName> = ServiceMethods[M]['result'];

export const METHOD_NAMES = [
  'app.info',
  'connection.get',
  'connection.normaliseOrgUrl',
  'connection.save',
  'connection.useSampleOrg',
  'connection.test',
  'pull.start',
  'pull.resume',
  'jobs.list',
  'jobs.cancel',
  'snapshots.list',
  'browse.page',
  'browse.userAccess',
  'browse.group',
  'browse.app',
  'validate.upload',
  'validate.start',
  'validate.snapshot',
  'export.preview',
  'export.start',
  'export.defaultFolder',
  'export.openFolder',
] as const satisfies readonly MethodName[];

// Compile-time check that the list names every method exactly (a missing one fails here).
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const _everyMethodListed: Missing extends never ? true : Missing = true;
void _everyMethodListed;

export interface ServiceEvents {
  'job.updated': JobState;
}
export type EventName = keyof ServiceEvents;
export interface ServiceEvent<E extends EventName = EventName> {
  name: E;
  payload: ServiceEvents[E];
}

/** What a service implementation provides; the dispatcher calls these. */
export type ServiceImplementation = { [M in MethodName]: (params: ParamsOf<M>) => Promise<ResultOf<M>> };
