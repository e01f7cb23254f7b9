// The saved connections (connection.list): each org with how it signs in, Use to switch to it, and Remove (asked
// first) to forget it and its stored secret. The sample org is never among them and never replaces one.
import { useCallback, useEffect, useState } from 'react';
import type { SavedConnectionInfo } from '../../../../shared/service/types';
import { useConnection } from '../../app/ConnectionContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableHead } from '../../components/TableHead';
import { orgHost } from '../../format/snapshotName';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';

export function SavedConnections() {
  const client = useService();
  const { connection, setConnection } = useConnection();
  const [saved, setSaved] = useState<SavedConnectionInfo[]>([]);
  const [removing, setRemoving] = useState<SavedConnectionInfo | null>(null);
  const load = useCallback(() => void client.call('connection.list', {}).then(setSaved, () => setSaved([])), [client]);
  useEffect(load, [load, connection?.orgUrl, connection?.isSampleOrg]);
  const use = useAsyncAction(async (orgUrl: string) => setConnection(await client.call('connection.use', { orgUrl })));
  if (saved.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="saved-connections-heading">
      <h2 id="saved-connections-heading">Saved connections</h2>
      <table className="data-table">
        <TableHead titles={['Org', 'Signs in with', 'Secret', { hidden: 'Actions' }]} />
        <tbody>
          {saved.map((entry) => (
            <SavedConnectionRow key={entry.orgUrl} entry={entry} onUse={use.run} onRemove={setRemoving} />
          ))}
        </tbody>
      </table>
      <ErrorAlert error={use.error} onDismiss={use.clearError} />
      <RemoveConnectionDialog entry={removing} onClose={() => setRemoving(null)} onRemoved={setSaved} />
    </section>
  );
}

interface RemoveDialogProps {
  entry: SavedConnectionInfo | null;
  onClose: () => void;
  onRemoved: (left: SavedConnectionInfo[]) => void;
}

/** Asks before forgetting a connection; the connection in use may be the one removed. */
function RemoveConnectionDialog({ entry, onClose, onRemoved }: RemoveDialogProps) {
  const client = useService();
  const { setConnection } = useConnection();
  const remove = useAsyncAction(async (orgUrl: string) => {
    onRemoved(await client.call('connection.remove', { orgUrl }));
    onClose();
    setConnection(await client.call('connection.get', {}));
  });
  return (
    <ConfirmDialog
      open={entry !== null}
      title={`Remove the connection to ${entry ? orgHost(entry.orgUrl) : ''}?`}
      confirmLabel="Remove connection"
      danger
      pending={remove.pending}
      onConfirm={() => entry && void remove.run(entry.orgUrl)}
      onCancel={onClose}
    >
      <p>Its stored token or key is deleted. Snapshots pulled from it stay in the cache.</p>
      <ErrorAlert error={remove.error} />
    </ConfirmDialog>
  );
}

interface RowProps {
  entry: SavedConnectionInfo;
  onUse: (orgUrl: string) => unknown;
  onRemove: (entry: SavedConnectionInfo) => void;
}

function SavedConnectionRow({ entry, onUse, onRemove }: RowProps) {
  const host = orgHost(entry.orgUrl);
  const secret = entry.tokenFile ? `read from ${entry.tokenFile}` : entry.hasSecret ? 'stored' : 'not stored';
  return (
    <tr>
      <th scope="row">
        {host}
        {entry.current && <span className="badge badge-complete"> in use</span>}
      </th>
      <td>{entry.authKind === 'ssws' ? 'API token' : `OAuth service app ${entry.clientId ?? ''}`}</td>
      <td>{secret}</td>
      <td className="row-actions">
        {!entry.current && (
          <button type="button" onClick={() => void onUse(entry.orgUrl)}>
            Use<span className="visually-hidden"> {host}</span>
          </button>
        )}
        <button type="button" onClick={() => onRemove(entry)}>
          Remove<span className="visually-hidden"> {host}</span>
        </button>
      </td>
    </tr>
  );
}
