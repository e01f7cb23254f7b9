// A portable snapshot file as the service describes it: who wrote it (app and schema version), which snapshot of
// which org it holds, and (once opened) that snapshot's summary.
import type { SnapshotSummary } from '../service/types';

export interface PortableSnapshotInfo {
  file: string;
  appVersion: string;
  /** The number of schema migrations of the Okta Prep that wrote it. */
  schemaVersion: number;
  snapshotId: number;
  orgUrl: string;
  exportedAt: string;
}

export interface OpenedPortableSnapshot extends PortableSnapshotInfo {
  snapshot: SnapshotSummary;
}
