// Says when the token or key is kept for this session only (and why, e.g. no system keyring), and passes on what the
// service noticed about stored credentials (an unreadable secrets file that was replaced).
import type { ConnectionInfo } from '../../../../shared/service/types';

export function SecretStorageNotice({ connection }: { connection: ConnectionInfo }) {
  // A token file is read again at each use and the sample org needs nothing: neither is affected by storage.
  const sessionOnly =
    !connection.secretPersistence.persisted && !connection.isSampleOrg && connection.tokenFile === undefined;
  const notices = connection.notices ?? [];
  if (!sessionOnly && notices.length === 0) return null;
  const secret = connection.authKind === 'ssws' ? 'API token' : 'private key';
  return (
    <div className="alert alert-warning" role="status" aria-label="Credential storage">
      {sessionOnly && (
        <>
          <p className="alert-title">
            The {secret} is kept for this session only; you will be asked for it again next time.
          </p>
          {connection.secretPersistence.reason && <p className="alert-detail">{connection.secretPersistence.reason}</p>}
        </>
      )}
      {notices.map((notice) => (
        <p className="alert-detail" key={notice}>
          {notice}
        </p>
      ))}
    </div>
  );
}
