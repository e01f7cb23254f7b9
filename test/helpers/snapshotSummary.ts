// A snapshot as snapshots.list describes it, for tests of what the screens choose from a list.
import type { SnapshotSummary } from '../../shared/service/types';

export function snapshotSummary(id: number, fields: Partial<SnapshotSummary> = {}): SnapshotSummary {
  return {
    id,
    status: 'complete',
    orgUrl: 'https://acme.okta.com',
    label: null,
    startedAt: '',
    finishedAt: null,
    includeFactors: false,
    errorMessage: null,
    gaps: [],
    warnings: [],
    ...fields,
  };
}
