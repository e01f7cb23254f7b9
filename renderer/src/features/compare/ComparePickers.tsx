// The two snapshots to compare: A (before) and B (after), each listed with its org, time and status.
import { useId } from 'react';
import type { SnapshotSummary } from '../../../../shared/service/types';
import { formatDateTime } from '../../format/formatDateTime';

interface ComparePickersProps {
  snapshots: SnapshotSummary[];
  fromId: number | undefined;
  toId: number | undefined;
  onChange: (side: 'from' | 'to', snapshotId: number) => void;
}

function SnapshotSelect(props: {
  label: string;
  snapshots: SnapshotSummary[];
  value: number | undefined;
  onSelect: (id: number) => void;
}) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(event) => props.onSelect(Number(event.target.value))}>
        {props.value === undefined && <option value="">Choose a snapshot</option>}
        {props.snapshots.map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            #{snapshot.id} · {snapshot.orgUrl.replace(/^https?:\/\//, '')} · {formatDateTime(snapshot.startedAt)} ·{' '}
            {snapshot.status}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ComparePickers({ snapshots, fromId, toId, onChange }: ComparePickersProps) {
  return (
    <>
      <SnapshotSelect
        label="Snapshot A (before)"
        snapshots={snapshots}
        value={fromId}
        onSelect={(id) => onChange('from', id)}
      />
      <SnapshotSelect
        label="Snapshot B (after)"
        snapshots={snapshots}
        value={toId}
        onSelect={(id) => onChange('to', id)}
      />
    </>
  );
}
