// The comparison's counts per kind: added (gained), removed (lost) and status changed; each count that is not zero
// opens its rows below.
import { DIFF_KIND_LABELS, type DiffChange, type DiffCount } from '../../../../shared/audit/snapshotDiff';
import { TableHead } from '../../components/TableHead';
import { formatCount } from '../../format/formatDuration';
import { changeLabel, sentenceCase, type DiffSelection } from './diffLabels';

interface DiffCountsTableProps {
  counts: DiffCount[];
  selected: DiffSelection | null;
  onSelect: (selection: DiffSelection) => void;
}

const COLUMNS: DiffChange[] = ['added', 'removed', 'changed'];

export function DiffCountsTable({ counts, selected, onSelect }: DiffCountsTableProps) {
  return (
    <table className="data-table compact diff-counts" aria-label="Changes per kind">
      <TableHead titles={['Kind', 'Added / gained', 'Removed / lost', 'Status changed']} />
      <tbody>
        {counts.map((count) => (
          <tr key={count.kind}>
            <th scope="row">{sentenceCase(DIFF_KIND_LABELS[count.kind].label)}</th>
            {COLUMNS.map((change) => {
              const value = count[change];
              const isSelected = selected?.kind === count.kind && selected.change === change;
              return (
                <td key={change} className="numeric">
                  {value === null ? (
                    <span aria-label="does not apply">—</span>
                  ) : value === 0 ? (
                    '0'
                  ) : (
                    <button
                      type="button"
                      className="button-link"
                      aria-pressed={isSelected}
                      aria-label={`${formatCount(value)} ${changeLabel({ kind: count.kind, change })}`}
                      onClick={() => onSelect({ kind: count.kind, change })}
                    >
                      {formatCount(value)}
                    </button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
