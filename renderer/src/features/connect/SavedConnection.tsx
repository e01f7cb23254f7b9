// The connection in use at a glance: org URL, auth kind and whether a secret is stored (never the secret itself).
import type { ConnectionInfo } from '../../../../shared/service/types';

export function SavedConnection({ connection }: { connection: ConnectionInfo }) {
  const secretLabel = connection.tokenFile
    ? `token read from ${connection.tokenFile}`
    : connection.authKind === 'ssws'
      ? 'token stored'
      : 'private key stored';
  return (
    <dl className="summary-list" aria-label="Connection in use">
      <div>
        <dt>Org</dt>
        <dd>
          {connection.orgUrl}
          {connection.isSampleOrg ? ' (sample org)' : ''}
        </dd>
      </div>
      <div>
        <dt>Signs in with</dt>
        <dd>
          {connection.authKind === 'ssws' ? 'API token (SSWS)' : `OAuth service app ${connection.clientId ?? ''}`}
        </dd>
      </div>
      <div>
        <dt>Secret</dt>
        <dd>{connection.hasSecret ? secretLabel : connection.isSampleOrg ? 'none needed' : 'not stored yet'}</dd>
      </div>
    </dl>
  );
}
