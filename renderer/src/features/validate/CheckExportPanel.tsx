// The Validate screen's left panel: check the files an export of the chosen snapshot would write.
import { useSnapshots } from '../../app/SnapshotsContext';
import { SnapshotPicker } from '../../components/SnapshotPicker';

interface CheckExportPanelProps {
  pending: boolean;
  onValidate: (snapshotId: number) => void;
}

export function CheckExportPanel({ pending, onValidate }: CheckExportPanelProps) {
  const { selected } = useSnapshots();
  return (
    <section className="panel" aria-labelledby="validate-export-heading">
      <h2 id="validate-export-heading">Check an export</h2>
      {selected ? (
        <>
          <p>Checks the files an export of this snapshot would write, with the options chosen on the Export screen.</p>
          <SnapshotPicker />
          <button type="button" className="button-primary" disabled={pending} onClick={() => onValidate(selected.id)}>
            Validate snapshot #{selected.id}
          </button>
        </>
      ) : (
        <p className="muted">No snapshot yet — connect to Okta or try the sample org.</p>
      )}
    </section>
  );
}
