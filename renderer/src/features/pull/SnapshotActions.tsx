// Label and Delete for one snapshot in Past pulls, each through a dialog: the label is typed there, and deleting
// says which org's snapshot goes and that it cannot be undone before anything is removed.
import { useId, useState } from 'react';
import { formatBytes } from '../../../../shared/formatBytes';
import type { SnapshotSummary } from '../../../../shared/service/types';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/formatDateTime';
import { snapshotName } from '../../format/snapshotName';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';

interface SnapshotActionProps {
  snapshot: SnapshotSummary;
  onDone: (message: string) => void;
}

export function LabelSnapshotAction({ snapshot, onDone }: SnapshotActionProps) {
  const client = useService();
  const { refresh } = useSnapshots();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState(snapshot.label ?? '');
  const labelId = useId();
  const save = useAsyncAction(async () => {
    const saved = await client.call('snapshots.label', { snapshotId: snapshot.id, label });
    setOpen(false);
    refresh();
    onDone(saved.label ? `Snapshot #${saved.id} is now labelled “${saved.label}”.` : `Label of #${saved.id} removed.`);
  });
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Label<span className="visually-hidden"> snapshot #{snapshot.id}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={`Label snapshot #${snapshot.id}`}
        confirmLabel="Save label"
        pending={save.pending}
        onConfirm={() => void save.run()}
        onCancel={() => setOpen(false)}
      >
        <div className="field">
          <label htmlFor={labelId}>Label (empty removes it)</label>
          <input id={labelId} value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
        </div>
        <ErrorAlert error={save.error} />
      </ConfirmDialog>
    </>
  );
}

/** `inUse`: a running job uses the snapshot, so the service would refuse. */
export function DeleteSnapshotAction({ snapshot, inUse, onDone }: SnapshotActionProps & { inUse: boolean }) {
  const client = useService();
  const { refresh } = useSnapshots();
  const [open, setOpen] = useState(false);
  const name = snapshotName(snapshot);
  const remove = useAsyncAction(async () => {
    const result = await client.call('snapshots.delete', { snapshotId: snapshot.id });
    setOpen(false);
    refresh();
    onDone(
      result.vacuumed
        ? `Deleted snapshot ${name}; the cache shrank by ${formatBytes(result.freedBytes)}.`
        : `Deleted snapshot ${name}; its space is reused by later pulls (another job is using the cache).`,
    );
  });
  return (
    <>
      <button type="button" disabled={inUse} onClick={() => setOpen(true)}>
        Delete<span className="visually-hidden"> snapshot #{snapshot.id}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete snapshot #${snapshot.id}?`}
        confirmLabel="Delete snapshot"
        danger
        pending={remove.pending}
        onConfirm={() => void remove.run()}
        onCancel={() => setOpen(false)}
      >
        <p>
          Snapshot <strong>{name}</strong>, pulled {formatDateTime(snapshot.startedAt)}, and everything in it will be
          removed from this computer. This cannot be undone; files already exported from it are not touched.
        </p>
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </>
  );
}
