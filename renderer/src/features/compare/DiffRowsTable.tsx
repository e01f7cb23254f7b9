// The rows of one kind's change, a page at a time (audit.diff's keyset cursor): Next follows the page's cursor,
// Previous goes back to the cursor that led to the page before.
import { useState } from 'react';
import type { DiffPage, DiffRow } from '../../../../shared/audit/snapshotDiff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableHead } from '../../components/TableHead';
import { formatCount } from '../../format/formatDuration';
import { useServiceQuery } from '../../service/useServiceQuery';
import { changeLabel, sentenceCase, type DiffSelection } from './diffLabels';

export const DIFF_ROWS_PER_PAGE = 50;

interface DiffRowsTableProps {
  fromSnapshotId: number;
  toSnapshotId: number;
  selection: DiffSelection;
}

function Named({ type, id, name }: { type: string | null; id: string | null; name: string | null }) {
  if (type === null) return null;
  return (
    <>
      <span className="muted">{type} </span>
      {name ?? id} {name !== null && <span className="muted">({id})</span>}
    </>
  );
}

function RowCells({ row }: { row: DiffRow }) {
  return (
    <>
      <th scope="row">
        <Named type={row.principalType} id={row.principalId} name={row.principalName} />
      </th>
      <td>
        <Named type={row.targetType} id={row.targetId} name={row.targetName} />
      </td>
      <td>{row.change === 'changed' ? `${row.before ?? ''} → ${row.after ?? ''}` : (row.detail ?? '')}</td>
    </>
  );
}

function RowsOfPage({ page, title, first }: { page: DiffPage; title: string; first: number }) {
  const last = first + page.rows.length - 1;
  return (
    <>
      <p className="muted" role="status">
        {page.rows.length === 0
          ? 'No rows.'
          : `Rows ${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)}`}
      </p>
      <table className="data-table compact" aria-label={title}>
        <TableHead titles={['Who', 'What', page.change === 'changed' ? 'Status before → after' : 'Detail']} />
        <tbody>
          {page.rows.map((row) => (
            <tr key={`${row.principalType}:${row.principalId}:${row.targetType ?? ''}:${row.targetId ?? ''}`}>
              <RowCells row={row} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function DiffRowsTable({ fromSnapshotId, toSnapshotId, selection }: DiffRowsTableProps) {
  // The cursors that led to each page seen so far; the last one is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = { ...selection, after: cursors[cursors.length - 1] ?? null, limit: DIFF_ROWS_PER_PAGE };
  const query = useServiceQuery('audit.diff', { fromSnapshotId, toSnapshotId, page });
  const shown = query.data?.page;
  const title = sentenceCase(changeLabel(selection));
  return (
    <section aria-labelledby="diff-rows-heading" className="diff-rows">
      <h2 id="diff-rows-heading">
        {title}
        {shown && ` (${formatCount(shown.total)})`}
      </h2>
      <ErrorAlert error={query.error} />
      {shown && <RowsOfPage page={shown} title={title} first={(cursors.length - 1) * DIFF_ROWS_PER_PAGE + 1} />}
      <div className="button-row">
        <button
          type="button"
          disabled={cursors.length === 1 || query.loading}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={!shown?.next || query.loading}
          onClick={() => setCursors((c) => [...c, shown!.next])}
        >
          Next page
        </button>
      </div>
    </section>
  );
}
