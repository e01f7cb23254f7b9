// The one service interface both transports carry: method names with their params and results, and the events.
// METHOD_NAMES doubles as the allowlist the dispatcher (and the IPC adapter) checks.
import type { ValidationReport } from '../balkanid/findings';
import type { BundleCheckReport } from '../balkanid/bundleCheck';
import type { ExportProfileInput } from '../balkanid/exportProfile';
import type { AccessPage, AccessSubject, AuditThresholds, FindingsPage } from '../audit/auditTypes';
import type { DiffPage, DiffPageRequest, DiffSummary } from '../audit/snapshotDiff';
import type { OpenedPortableSnapshot } from '../audit/portableSnapshot';
import type { AuditReportResult } from '../audit/auditReport';
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
  ExportSummary,
  ExportProfileState,
  GroupDetail,
  JobState,
  PreflightReport,
  ProfileAttributeCount,
  RoleDetail,
  SavedConnectionInfo,
  SnapshotDeletion,
  SnapshotSummary,
  UploadSettings,
  UploadStartParams,
  UserAccessDetail,
} from './types';

type Empty = Record<string, never>;

export interface ServiceMethods {
  'app.info': { params: Empty; result: AppInfo };
  'connection.get': { params: Empty; result: ConnectionInfo | null };
  'connection.normaliseOrgUrl': { params: { input: string }; result: { url: string; notes: string[] } };
  'connection.save': { params: { orgUrl: string; auth: ConnectionAuthInput }; result: ConnectionInfo };
  'connection.useSampleOrg': { params: Empty; result: ConnectionInfo };
  /** Tests the org URL and credentials given (nothing is saved), or without them the connection in use. */
  'connection.test': { params: { orgUrl?: string; auth?: ConnectionAuthInput }; result: PreflightReport };
  'connection.list': { params: Empty; result: SavedConnectionInfo[] };
  /** Switches to a saved connection. */
  'connection.use': { params: { orgUrl: string }; result: ConnectionInfo };
  /** Forgets a saved connection and its secret; returns the ones left. */
  'connection.remove': { params: { orgUrl: string }; result: SavedConnectionInfo[] };
  /** quick: refresh from the latest complete snapshot of the connected org (changed users and memberships only). */
  'pull.start': {
    params: { includeFactors: boolean; readEveryGroup?: boolean; share?: number; quick?: boolean };
    result: JobState;
  };
  'pull.resume': { params: { snapshotId: number }; result: JobState };
  'jobs.list': { params: Empty; result: JobState[] };
  'jobs.cancel': { params: { jobId: string }; result: JobState };
  'snapshots.list': { params: Empty; result: SnapshotSummary[] };
  /** Names a snapshot (an empty label clears it). */
  'snapshots.label': { params: { snapshotId: number; label: string }; result: SnapshotSummary };
  /** What an export with these options would upload (counts per entity type and relation kind), in one query. */
  'snapshots.exportSummary': { params: { snapshotId: number; options?: ExportOptionsInput }; result: ExportSummary };
  /** The profile attributes the snapshot's users hold as values an export can write, with how many users hold each. */
  'snapshots.profileAttributes': { params: { snapshotId: number }; result: ProfileAttributeCount[] };
  /** How many users of each Okta status the snapshot holds (what an export's status choice offers). */
  'snapshots.userStatuses': { params: { snapshotId: number }; result: { status: string; users: number }[] };
  /** Deletes a snapshot and gives its space back; refused while a job uses it. */
  'snapshots.delete': { params: { snapshotId: number }; result: SnapshotDeletion };
  'browse.page': { params: BrowsePageParams; result: BrowsePage };
  'browse.userAccess': { params: { snapshotId: number; userId: string }; result: UserAccessDetail };
  'browse.group': { params: { snapshotId: number; groupId: string }; result: GroupDetail };
  'browse.app': { params: { snapshotId: number; appId: string }; result: AppDetail };
  /** Who holds an admin role: users directly, and groups with the members they give it to. */
  'browse.role': { params: { snapshotId: number; roleKey: string }; result: RoleDetail };
  /** Validates files already uploaded (or, in the desktop app, on disk); the check runs in a worker thread. */
  'validate.upload': { params: { entities?: CsvFileRef; relations?: CsvFileRef }; result: ValidationReport };
  /** The same check as a job (kind 'validate'): progress and cancel; its result is the report (none if cancelled). */
  'validate.start': { params: { entities?: CsvFileRef; relations?: CsvFileRef }; result: JobState };
  'validate.snapshot': { params: { snapshotId: number; options?: ExportOptionsInput }; result: ValidationReport };
  'export.preview': {
    params: { snapshotId: number; options?: ExportOptionsInput; rows?: number };
    result: ExportPreview;
  };
  /**
   * Refused when the options would export nothing, and (CONFLICT) when the folder already holds a bundle unless
   * `overwrite` says the user agreed to replace it.
   */
  'export.start': {
    params: { snapshotId: number; outDir: string; options?: ExportOptionsInput; overwrite?: boolean };
    result: JobState;
  };
  /** The folder to offer: the last one exported to (else the default), and the other recent ones. */
  'export.defaultFolder': { params: Empty; result: { path: string; recent: string[] } };
  /** The bundle files (manifest.json, entities.csv, … and their .invalid names) a folder already holds. */
  'export.checkFolder': { params: { path: string }; result: { bundleFiles: string[] } };
  /** The desktop app's native folder dialog (`path` undefined when closed without choosing); not in the browser. */
  'export.chooseFolder': { params: { defaultPath?: string }; result: { available: boolean; path?: string } };
  /** Opens a finished export's folder in the OS file manager (the desktop app only; the browser build says so). */
  'export.openFolder': { params: { path: string }; result: { opened: boolean; message?: string } };
  'upload.settings': { params: Empty; result: UploadSettings };
  /** Checks a bundle folder against its manifest.json (files, sizes, SHA-256, rows, validation errors). */
  'upload.checkBundle': { params: { dir: string }; result: BundleCheckReport };
  /** Uploads a bundle to BalkanID's bulk API as a job; the secret never comes back in any result or event. */
  'upload.start': { params: UploadStartParams; result: JobState };
  'upload.forgetKey': { params: Empty; result: UploadSettings };
  /** The Export screen's choices saved in the data folder (the defaults while none are saved). */
  'exportProfile.get': { params: Empty; result: ExportProfileState };
  /** Saves the choices (checked with the mapping rules first); also how a profile file is imported. */
  'exportProfile.save': { params: { profile: ExportProfileInput }; result: ExportProfileState };
  /** Effective access with reasons, one page of users (`after`: the previous page's `next`). */
  'audit.access': {
    params: { snapshotId: number; subject: AccessSubject; after?: string; limit?: number };
    result: AccessPage;
  };
  /** Findings of the rule table (or one rule), one page; `rules` says which rules could run on the snapshot. */
  'audit.findings': {
    params: {
      snapshotId: number;
      ruleId?: string;
      after?: string;
      limit?: number;
      thresholds?: Partial<AuditThresholds>;
    };
    result: FindingsPage;
  };
  /** What changed from one snapshot to another: counts per kind, and one page of one kind's changes when asked. */
  'audit.diff': {
    params: { fromSnapshotId: number; toSnapshotId: number; page?: DiffPageRequest };
    result: { summary: DiffSummary; page?: DiffPage };
  };
  /**
   * The audit report of a snapshot (one self-contained HTML file), compared with another snapshot when asked: written
   * to `outFile` (a full path the user chose, 0600, atomically), or returned as `html` when no file is given.
   */
  'audit.report': {
    params: {
      snapshotId: number;
      compareSnapshotId?: number;
      thresholds?: Partial<AuditThresholds>;
      outFile?: string;
    };
    result: AuditReportResult;
  };
  /** Opens a portable snapshot file read-only and describes it (a damaged or newer file fails with the reason). */
  'snapshot.openPortable': { params: { path: string }; result: OpenedPortableSnapshot };
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
  'connection.list',
  'connection.use',
  'connection.remove',
  'pull.start',
  'pull.resume',
  'jobs.list',
  'jobs.cancel',
  'snapshots.list',
  'snapshots.label',
  'snapshots.exportSummary',
  'snapshots.profileAttributes',
  'snapshots.userStatuses',
  'snapshots.delete',
  'browse.page',
  'browse.userAccess',
  'browse.group',
  'browse.app',
  'browse.role',
  'validate.upload',
  'validate.start',
  'validate.snapshot',
  'export.preview',
  'export.start',
  'export.defaultFolder',
  'export.checkFolder',
  'export.chooseFolder',
  'export.openFolder',
  'upload.settings',
  'upload.checkBundle',
  'upload.start',
  'upload.forgetKey',
  'exportProfile.get',
  'exportProfile.save',
  'audit.access',
  'audit.findings',
  'audit.diff',
  'audit.report',
  'snapshot.openPortable',
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
