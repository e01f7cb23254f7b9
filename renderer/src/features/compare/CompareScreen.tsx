// Compare screen: two snapshots of one org (A before, B after), what changed per kind with counts, each kind's rows
// a page at a time, and every row as the CLI's CSV.
import { useState } from 'react';
import type { DiffSummary } from '../../../../shared/audit/snapshotDiff';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoSnapshotYet } from '../../components/NoSnapshotYet';
import { useServiceQuery } from '../../service/useServiceQuery';
import { CsvDownloadButton } from '../findings/CsvDownloadButton';
import { comparePair, type ChosenPair } from './comparePair';
import { ComparePickers } from './ComparePickers';
import { DiffCountsTable } from './DiffCountsTable';
import { DiffRowsTable } from './DiffRowsTable';
import type { DiffSelection } from './diffLabels';

export function CompareScreen() {
  const { snapshots, error } = useSnapshots();
  const [chosen, setChosen] = useState<ChosenPair>({ from: null, to: null });
  const pair = comparePair(snapshots ?? [], chosen);
  const ids = pair.from && pair.to && !pair.problem ? { fromSnapshotId: pair.from.id, toSnapshotId: pair.to.id } : null;
  const summary = useServiceQuery('audit.diff', ids);
  const choose = (side: 'from' | 'to', snapshotId: number) => {
    setChosen({ from: pair.from?.id ?? null, to: pair.to?.id ?? null, [side]: snapshotId });
  };
  return (
    <>
      <h1 tabIndex={-1}>Compare</h1>
      <ErrorAlert error={error ?? summary.error} />
      {snapshots && snapshots.length === 0 && <NoSnapshotYet />}
      {snapshots && snapshots.length > 0 && (
        <div className="toolbar">
          <ComparePickers snapshots={snapshots} fromId={pair.from?.id} toId={pair.to?.id} onChange={choose} />
          {ids && (
            <CsvDownloadButton
              method="audit.diff"
              params={ids}
              label="Export every change as CSV"
              cliHint={`okta-prep diff ${ids.fromSnapshotId} ${ids.toSnapshotId} --out diff.csv`}
            />
          )}
        </div>
      )}
      {pair.problem && <p className="text-warning">{pair.problem}</p>}
      {summary.loading && (
        <p className="muted" role="status">
          Counting the changes…
        </p>
      )}
      {ids && summary.data && !summary.loading && (
        <ComparisonResult key={`${ids.fromSnapshotId}:${ids.toSnapshotId}`} ids={ids} summary={summary.data.summary} />
      )}
    </>
  );
}

/** The notes, the counts, and the rows of the count chosen (a new pair starts with none chosen: keyed by the pair). */
function ComparisonResult({
  ids,
  summary,
}: {
  ids: { fromSnapshotId: number; toSnapshotId: number };
  summary: DiffSummary;
}) {
  const [selection, setSelection] = useState<DiffSelection | null>(null);
  return (
    <>
      {summary.notes.map((note) => (
        <p key={note} className="text-warning">
          Note: {note}.
        </p>
      ))}
      <DiffCountsTable counts={summary.counts} selected={selection} onSelect={setSelection} />
      {selection && <DiffRowsTable key={`${selection.kind}:${selection.change}`} {...ids} selection={selection} />}
    </>
  );
}
