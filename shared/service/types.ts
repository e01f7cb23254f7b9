// Data shapes that cross the service boundary (renderer ⇄ Node side). Pure types: no Node, DOM or Electron imports.
import type { ExportFormat } from '../balkanid/entitlements';
import type { ServiceError } from './errors';
import type { ValidationReport } from '../balkanid/findings';
import type { RelationKind } from '../balkanid/columns';
import type { UploadEvent } from '../balkanid/bundleUpload';
import type { PartialExportMapping } from '../balkanid/exportMapping';
import type { ExportProfile } from '../balkanid/exportProfile';
import type { ChoiceProblem } from '../balkanid/exportMappingRules';

export interface AppInfo {
  version: string;
  /** 'ipc' in the desktop app, 'http' in the browser build. */
  transport: 'ipc' | 'http';
  dataFolder: string;
}

/** A saved connection. Secrets never come back: only whether one is stored. */
export interface ConnectionInfo {
  orgUrl: string;
  authKind: 'ssws' | 'oauth';
  clientId?: string;
  /** The API token is read from this file (mode 0600) each time it is needed, instead of being stored. */
  tokenFile?: string;
  hasSecret: boolean;
  isSampleOrg: boolean;
  /** Whether the token or key is kept across restarts; when not, `reason` says why (e.g. no system keyring). */
  secretPersistence: SecretPersistence;
  /** Things the user should know about their stored credentials (e.g. an unreadable secrets file was replaced). */
  notices?: string[];
}

/** One saved connection in the list (never its secret): which org, how it signs in, and whether it is in use. */
export interface SavedConnectionInfo {
  orgUrl: string;
  authKind: 'ssws' | 'oauth';
  clientId?: string;
  tokenFile?: string;
  hasSecret: boolean;
  /** The connection in use (false for all of them while the sample org is). */
  current: boolean;
}

export interface SecretPersistence {
  persisted: boolean;
  reason?: string;
}

export type ConnectionAuthInput =
  | { kind: 'ssws'; token: string }
  /** An absolute path to a file holding only the API token, readable by its owner only (chmod 600). */
  | { kind: 'ssws'; tokenFile: string }
  | { kind: 'oauth'; clientId: string; privateKey: string };

export interface PreflightCheck {
  objectKind: string;
  readable: boolean;
  /** What the export loses when this cannot be read (empty when readable). */
  consequence: string;
  detail: string;
}

export interface PreflightReport {
  orgUrl: string;
  ok: boolean;
  checks: PreflightCheck[];
  /** The org could not be reached at all: why (said once), and every check that could therefore not run. */
  unreachable?: { message: string; checksNotRun: string[] };
  /**
   * A full pull without factors; `withFactors` adds one factor listing per user (users bucket); `readingEveryGroup`
   * (without factors) lists every group's members and roles whatever its stats say (groups bucket).
   */
  estimate?: {
    requests: number;
    seconds: number;
    withFactors: { requests: number; seconds: number };
    readingEveryGroup: { requests: number; seconds: number };
  };
}

export type JobKind = 'pull' | 'export' | 'upload' | 'validate';
export type JobStatus = 'running' | 'complete' | 'failed' | 'cancelled';

export interface PhaseProgressView {
  phase: string;
  tasksDone: number;
  tasksTotal: number;
  rows: number;
}

export interface JobProgress {
  phases: PhaseProgressView[];
  requests: number;
  rateLimitWaits: { bucket: string; waitedMs: number }[];
  elapsedMs: number;
  /** Estimated ms left, when it can be estimated. */
  etaMs?: number;
  /** Rows written (export jobs). */
  rowsWritten?: number;
  /** Validate jobs: bytes of the chosen files read so far, and their total size. */
  bytesRead?: number;
  bytesTotal?: number;
  /** Pull jobs: warnings so far (the latest few) and how many in all. */
  warnings?: string[];
  warningCount?: number;
  /** Upload jobs: the latest step, and notes on retries and fresh URLs (the latest few). */
  upload?: { event: UploadEvent; notes: string[] };
}

export interface JobState {
  id: string;
  kind: JobKind;
  status: JobStatus;
  startedAt: string;
  finishedAt?: string;
  snapshotId?: number;
  progress: JobProgress;
  /** Kind-specific summary on completion (pull: counts; export: folder and manifest; validate: the report). */
  result?: unknown;
  error?: ServiceError;
}

export interface SnapshotSummary {
  id: number;
  orgUrl: string;
  /** The user's name for the snapshot (null until given). */
  label: string | null;
  status: 'running' | 'complete' | 'failed' | 'cancelled';
  startedAt: string;
  finishedAt: string | null;
  includeFactors: boolean;
  errorMessage: string | null;
  gaps: { objectKind: string; reason: string; message: string }[];
  /** What the pull noticed without stopping (rate limits guessed, a repeating page link, one object unreadable ...). */
  warnings: { code: string; message: string }[];
  counts?: Record<string, number>;
  /** Listings done of scheduled and rows stored per phase: what the pull's progress card showed, from one source. */
  phases?: PhaseProgressView[];
  /** Set for a quick refresh: the snapshot it was built from. */
  baseSnapshotId?: number | null;
  /** A quick refresh that found a deleted user and listed every user after all. */
  fellBackToFullUserListing?: boolean;
}

/** What deleting a snapshot did: the space given back to the disk (none while another job used the cache). */
export interface SnapshotDeletion {
  snapshotId: number;
  orgUrl: string;
  freedBytes: number;
  pagesBefore: number;
  pagesAfter: number;
  /** False when a pull or export was running: the pages were freed inside the file for later pulls to reuse. */
  vacuumed: boolean;
}

/** What an export of a snapshot with given options writes, and what the options leave out (snapshots.exportSummary). */
export interface ExportSummary {
  snapshotId: number;
  /** The pair entities.csv + entity-relations.csv, or the one flat entitlements.csv. */
  format: ExportFormat;
  /** Users of each Okta status in the snapshot, and whether the chosen statuses export them (all by default). */
  userStatuses: { status: string; users: number; included: boolean }[];
  /** entities.csv rows per type (users of the chosen statuses only). */
  entities: { user: number; group: number; role: number; app: number };
  /**
   * Every relation kind, chosen or not: the entity-relations.csv rows it writes when included (users of the chosen
   * statuses), its rows of users whose status was not chosen, and its rows whose other end is unlisted.
   */
  relations: { kind: string; included: boolean; rows: number; statusLeftOut: number; endNotListed: number }[];
  /** The entitlements format: entitlements.csv rows per relation kind they come from (chosen kinds); else empty. */
  entitlements: { kind: string; rows: number }[];
  /** The user profile attributes written as metadata, in order (the entities-relations format only). */
  userAttributes: string[];
}

/** A profile attribute some users of a snapshot hold as text, a number or true/false (what an export can write). */
export interface ProfileAttributeCount {
  name: string;
  users: number;
}

/** The kinds of the relations browser's rows (every access path as stored, not the export's relation kinds). */
export const RELATION_ROW_KINDS = {
  member: 'member',
  directApp: 'app (direct)',
  appViaGroup: 'app (via group)',
  groupApp: 'app (group assignment)',
  adminRole: 'admin role',
} as const;

/** Each relation kind in words, as the Browse screen shows it (and sorts it: by these words). */
export const RELATION_KIND_WORDS: Record<string, string> = {
  [RELATION_ROW_KINDS.member]: 'member of group',
  [RELATION_ROW_KINDS.directApp]: 'assigned app directly',
  [RELATION_ROW_KINDS.appViaGroup]: 'assigned app through a group',
  [RELATION_ROW_KINDS.groupApp]: 'group assigned to app',
  [RELATION_ROW_KINDS.adminRole]: 'holds admin role',
};

export const BROWSE_TABLES = ['users', 'groups', 'apps', 'roles', 'relations'] as const;
export type BrowseTable = (typeof BROWSE_TABLES)[number];

export interface BrowsePageParams {
  snapshotId: number;
  table: BrowseTable;
  offset: number;
  limit: number;
  search?: string;
  /** users: status; groups: type; apps: status; relations: kind. */
  filter?: string;
  /**
   * One text filter per column (column → text): the column contains the text, ignoring case. Relations: ids start
   * with the text; names contain it; kind is one of the kinds.
   */
  columnFilters?: Record<string, string>;
  sort?: { column: string; direction: 'asc' | 'desc' };
  /** For "export this view to CSV": the columns to write, in order (default: all). Pages ignore it. */
  columns?: string[];
}

export interface BrowsePage {
  total: number;
  offset: number;
  columns: string[];
  rows: Record<string, string | number | null>[];
  /** The columns this view can be sorted by (a view of millions of relations: only the indexed orders). */
  sortable: string[];
  /** The columns that take a column filter. */
  filterable: string[];
  /** Said when the view is narrower than asked (a search matching too many names), with how to narrow it. */
  notice?: string;
}

export interface AccessPath {
  appId: string;
  appLabel: string;
  appStatus: string;
  /** 'direct' or the groups that grant it. */
  via: { kind: 'direct' } | { kind: 'group'; groupId: string; groupName: string };
}

export interface UserAccessDetail {
  user: Record<string, string | number | null>;
  groups: { id: string; name: string; type: string }[];
  apps: AccessPath[];
  roles: {
    roleKey: string;
    label: string;
    via: { kind: 'direct' } | { kind: 'group'; groupId: string; groupName: string };
  }[];
  factors: { id: string; factorType: string; provider: string | null; status: string | null }[];
  factorsPulled: boolean;
}

export interface GroupDetail {
  group: Record<string, string | number | null>;
  memberCount: number;
  members: { id: string; name: string; status: string }[];
  apps: { id: string; label: string; priority: number | null }[];
  roles: { roleKey: string; label: string }[];
}

/** Who holds an admin role: users directly, groups, and the groups' members through them (previews of 500). */
export interface RoleDetail {
  role: Record<string, string | number | null>;
  directUserCount: number;
  directUsers: { id: string; name: string; status: string }[];
  groups: { id: string; name: string; memberCount: number }[];
  viaGroupCount: number;
  viaGroup: { id: string; name: string; status: string; groupId: string; groupName: string }[];
}

export interface AppDetail {
  app: Record<string, string | number | null>;
  groups: { id: string; name: string; priority: number | null }[];
  directUserCount: number;
  groupUserCount: number;
  users: { id: string; name: string; scope: string; userName: string | null }[];
}

export interface ExportOptionsInput {
  relationKinds?: RelationKind[];
  /** Any profile attribute names, written in this order (duplicates removed keeping the first). */
  userAttributes?: string[];
  flattenGroupAppAssignments?: boolean;
  /** Files readable by every user of the computer (0644); by default only their owner can read them (0600). */
  sharedFiles?: boolean;
  /** The strings BalkanID does not publish, laid over the defaults (shared/balkanid/exportMapping.ts). */
  mapping?: PartialExportMapping;
  /** Publish under the upload names even when validation finds errors (recorded as publishedDespiteErrors). */
  allowInvalid?: boolean;
  /** Also write a spreadsheet-safe copy of the files into review/ (never uploaded). */
  reviewCopy?: boolean;
  /** The entities + entity-relations pair (default) or the flat entitlements file. */
  format?: ExportFormat;
  /** Okta user statuses to export (default: every status). */
  userStatuses?: string[];
  /** Split each CSV file into parts of at most this many data rows. */
  splitRows?: number;
}

/** The export choices saved in the data folder (the Export screen's), whole. */
export interface ExportProfileState {
  profile: ExportProfile;
  /** False while nothing was saved yet: the profile holds the defaults. */
  saved: boolean;
  /** Choices that depart from what BalkanID publishes (allowed). */
  warnings: ChoiceProblem[];
  /** Set when the saved choices could not be read: what happened, and that the defaults are shown instead. */
  notice?: string;
}

/** The first rows of each file an export writes with the options (entities + relations, or entitlements). */
export interface ExportPreview {
  files: {
    /** The file's name in the bundle (entities.csv, entity-relations.csv or entitlements.csv). */
    name: string;
    /** The preview rows' cells (not the header). */
    rows: string[][];
    /** The CSV text of the header plus preview rows, exactly as it will be written. */
    text: string;
  }[];
}

/**
 * A CSV file to validate, never its bytes: the browser build first streams the file to `POST /api/upload` and passes
 * the upload id it got back; the desktop app passes the path of the file the user opened or dropped.
 */
export type CsvFileRef = { name: string; uploadId: string } | { name: string; path: string };

/** What `POST /api/upload` answers. */
export interface UploadReceipt {
  uploadId: string;
  bytes: number;
}

export type { ValidationReport };

/** What the Upload screen starts from: BalkanID's default address and the key kept with "remember", if any. */
export interface UploadSettings {
  defaultBaseUrl: string;
  /** Saved with a remembered key. */
  baseUrl?: string;
  apiKeyId?: string;
  /** A key secret is kept (it never comes back: only whether there is one). */
  hasStoredSecret: boolean;
  secretPersistence: SecretPersistence;
}

export interface UploadStartParams {
  /** The bundle folder, a full path. */
  dir: string;
  baseUrl: string;
  apiKeyId: string;
  /** Left out to use the remembered secret of the same key id. */
  apiKeySecret?: string;
  /** Keep the key (id, secret, base URL) in the secret store once BalkanID has accepted it. */
  remember?: boolean;
}
