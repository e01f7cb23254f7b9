// The messages between the service and a job worker thread: what to run, progress, the outcome, and cancel.
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import type { ValidationProgress } from '../../balkanid/validator/index';
import type { ExportPreview, ProfileAttributeCount } from '../../../../shared/service/types';
import type { ExportBundleResult } from '../../export/exportBundle';
import type { ExportOptionsInput } from '../../export/exportOptions';
import type { PullProgress } from '../../pull/pullProgress';
import type { PullResult } from '../../pull/pullOrg';

export type Credentials = { kind: 'ssws'; token: string } | { kind: 'oauth'; clientId: string; privateKey: string };

export type WorkerTask =
  | {
      kind: 'pull';
      dbPath: string;
      orgUrl: string;
      credentials: Credentials;
      includeFactors: boolean;
      readEveryGroup?: boolean;
      share?: number;
      resumeSnapshotId?: number;
      quickRefreshFrom?: number;
      appVersion: string;
    }
  | {
      kind: 'export';
      dbPath: string;
      /** The file is a portable snapshot (`okta-prep snapshot export`): opened read-only and never changed. */
      portable?: boolean;
      snapshotId: number;
      outDir: string;
      options: ExportOptionsInput;
      appVersion: string;
    }
  | {
      kind: 'validateSnapshot';
      dbPath: string;
      snapshotId: number;
      options: ExportOptionsInput;
      appVersion: string;
    }
  | { kind: 'preview'; dbPath: string; snapshotId: number; options: ExportOptionsInput; rows: number }
  | { kind: 'profileAttributes'; dbPath: string; snapshotId: number }
  | { kind: 'validateFiles'; entitiesPath?: string; relationsPath?: string; maxFindingsPerRule?: number };

export type WorkerResult =
  | { kind: 'pull'; value: PullResult }
  | {
      kind: 'export';
      value: Pick<ExportBundleResult, 'outDir' | 'manifest' | 'keptAsInvalid'> & { validation: ValidationReport };
    }
  | { kind: 'validateSnapshot'; value: ValidationReport }
  | { kind: 'preview'; value: ExportPreview }
  | { kind: 'profileAttributes'; value: ProfileAttributeCount[] }
  | { kind: 'validateFiles'; value: ValidationReport };

export type WorkerProgress =
  | { kind: 'pull'; progress: PullProgress }
  | { kind: 'export'; file: 'entities' | 'relations' | 'entitlements'; rows: number }
  | { kind: 'validate'; progress: ValidationProgress };

export type FromWorker =
  | { type: 'progress'; progress: WorkerProgress }
  | { type: 'done'; result: WorkerResult }
  | { type: 'failed'; error: WorkerError };

/**
 * Why a task failed. `refused`: the task could not be done as asked (an export's options or snapshot), which the
 * command line tells from a failure on the way (exit 2, not 3).
 */
export interface WorkerError {
  code: string;
  message: string;
  snapshotId?: number;
  refused?: boolean;
}

export type ToWorker = { type: 'cancel' };
