// Export screen: choose snapshot and options, preview both files as written, and export them to a folder.
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoSnapshotYet } from '../../components/NoSnapshotYet';
import { SnapshotPicker } from '../../components/SnapshotPicker';
import { ExportOptionsForm } from './ExportOptionsForm';
import { ExportPreview } from './ExportPreview';
import { ExportRun } from './ExportRun';
import { MappingChoices } from './MappingChoices';
import { UploadSummary } from './UploadSummary';

export function ExportScreen() {
  const { snapshots, selected, error } = useSnapshots();
  return (
    <>
      <h1 tabIndex={-1}>Export for BalkanID</h1>
      <UploadSummary />
      <ErrorAlert error={error} />
      {snapshots && snapshots.length === 0 && <NoSnapshotYet />}
      {selected && (
        <>
          <div className="toolbar">
            <SnapshotPicker />
            {selected.gaps.length > 0 && (
              <p className="text-warning">
                This snapshot is incomplete: {selected.gaps.map((gap) => gap.objectKind).join(', ')}.
              </p>
            )}
          </div>
          <div className="two-columns">
            <ExportOptionsForm />
            <div className="stack">
              <ExportRun snapshotId={selected.id} exportable={selected.status === 'complete'} />
              <ExportPreview snapshotId={selected.id} />
            </div>
          </div>
          <MappingChoices />
        </>
      )}
    </>
  );
}
