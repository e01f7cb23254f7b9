// Findings screen: the audit rules run on the chosen snapshot, grouped by severity and rule, each finding with the
// objects involved (opened in the same detail panel as Browse), editable thresholds and the findings as CSV.
import { useState } from 'react';
import { DEFAULT_AUDIT_THRESHOLDS, type AuditThresholds } from '../../../../shared/audit/auditTypes';
import type { SnapshotSummary } from '../../../../shared/service/types';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoSnapshotYet } from '../../components/NoSnapshotYet';
import { SnapshotPicker } from '../../components/SnapshotPicker';
import { useServiceQuery } from '../../service/useServiceQuery';
import { DetailPanel } from '../browse/DetailPanel';
import { useDetailHistory } from '../browse/useDetailHistory';
import { CsvDownloadButton } from './CsvDownloadButton';
import { FindingsBySeverity } from './FindingsBySeverity';
import { ThresholdsForm } from './ThresholdsForm';

export function FindingsScreen() {
  const { snapshots, selected, error } = useSnapshots();
  const [thresholds, setThresholds] = useState<AuditThresholds>(DEFAULT_AUDIT_THRESHOLDS);
  const detail = useDetailHistory(selected?.id);
  const params = selected ? { snapshotId: selected.id, thresholds, limit: 1 } : null;
  // One finding is enough here: this call is for the rule table (which rules the snapshot can answer).
  const rules = useServiceQuery('audit.findings', params);
  return (
    <>
      <h1 tabIndex={-1}>Findings</h1>
      <ErrorAlert error={error ?? rules.error} />
      {snapshots && snapshots.length === 0 && <NoSnapshotYet />}
      {selected && (
        <>
          <FindingsToolbar snapshot={selected} thresholds={thresholds} />
          <ThresholdsForm applied={thresholds} onApply={setThresholds} />
          <div className={`browse-layout${detail.current ? ' with-detail' : ''}`}>
            <div>
              {rules.data && (
                <FindingsBySeverity
                  snapshotId={selected.id}
                  rules={rules.data.rules}
                  thresholds={thresholds}
                  open={detail.open}
                />
              )}
            </div>
            {detail.current && <DetailPanel snapshotId={selected.id} selection={detail.current} history={detail} />}
          </div>
        </>
      )}
    </>
  );
}

function FindingsToolbar({ snapshot, thresholds }: { snapshot: SnapshotSummary; thresholds: AuditThresholds }) {
  return (
    <div className="toolbar">
      <SnapshotPicker />
      {snapshot.status !== 'complete' && (
        <p className="text-warning">This snapshot is {snapshot.status}: some objects may be missing.</p>
      )}
      <CsvDownloadButton
        method="audit.findings"
        params={{ snapshotId: snapshot.id, thresholds }}
        label="Export findings as CSV"
        cliHint="okta-prep findings --out findings.csv"
      />
    </div>
  );
}
