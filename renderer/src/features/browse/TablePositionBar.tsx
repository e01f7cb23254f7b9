// Above VirtualTable: where the view is ("Rows a–b of N", honest at any size), a "Go to row" box, copy buttons for
// the picked cell, the Columns menu and the tab's own actions (export), and a status line for what they did.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { formatCount } from '../../format/formatDuration';
import { ColumnsMenu } from './ColumnsMenu';
import { rowsOnScreen, type ScrollGeometry } from './scrollScale';
import type { ColumnLayout } from './useColumnLayout';

interface TablePositionBarProps {
  label: string;
  geometry: ScrollGeometry;
  topRow: number;
  onGoToRow: (rowNumber: number) => void;
  canCopy: boolean;
  onCopy: (what: 'cell' | 'row') => void;
  columns: string[];
  layout: ColumnLayout;
  actions?: ReactNode;
  announcement: string;
}

export function TablePositionBar(props: TablePositionBarProps) {
  const { geometry, topRow } = props;
  const { from, to } = rowsOnScreen(topRow, geometry);
  return (
    <div className="table-position">
      <p className="table-position-rows">
        Rows {formatCount(from)}–{formatCount(to)} of {formatCount(geometry.total)}
      </p>
      <GoToRow label={props.label} total={geometry.total} onGoToRow={props.onGoToRow} />
      <div className="button-row">
        <button type="button" disabled={!props.canCopy} onClick={() => props.onCopy('cell')} title="Ctrl+C">
          Copy cell
        </button>
        <button type="button" disabled={!props.canCopy} onClick={() => props.onCopy('row')} title="Ctrl+Shift+C">
          Copy row
        </button>
        {props.actions}
      </div>
      <ColumnsMenu columns={props.columns} layout={props.layout} />
      <p className="muted table-position-status" role="status" aria-live="polite">
        {props.announcement}
      </p>
    </div>
  );
}

function GoToRow({ label, total, onGoToRow }: { label: string; total: number; onGoToRow: (row: number) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const row = Number(text.replace(/[\s,._]/g, ''));
    if (!Number.isInteger(row) || row < 1 || row > total) {
      setProblem(`Type a row number from 1 to ${formatCount(total)}.`);
      return;
    }
    setProblem('');
    onGoToRow(row);
  };
  return (
    <form className="go-to-row" onSubmit={submit} aria-label={`Go to a row of ${label.toLowerCase()}`}>
      <label htmlFor={id}>Go to row</label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={problem !== ''}
        aria-describedby={problem ? `${id}-problem` : undefined}
        size={12}
      />
      <button type="submit">Go</button>
      {problem && (
        <span id={`${id}-problem`} className="text-error">
          {problem}
        </span>
      )}
    </form>
  );
}
