// The "Your org" panel of the Connect screen: the connection in use, the org URL and credentials form, and "Test
// connection" (checks what can be read, then saves what Okta accepted).
import type { PreflightReport } from '../../../../shared/service/types';
import { useConnection } from '../../app/ConnectionContext';
import { useNavigation } from '../../app/NavigationContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthFields } from './AuthFields';
import { OrgUrlField } from './OrgUrlField';
import { SavedConnection } from './SavedConnection';
import { SecretStorageNotice } from './SecretStorageNotice';
import { useConnectionForm } from './useConnectionForm';

interface ConnectionPanelProps {
  report: PreflightReport | null;
  onReport: (report: PreflightReport | null) => void;
}

export function ConnectionPanel({ report, onReport }: ConnectionPanelProps) {
  const { connection } = useConnection();
  const { navigate } = useNavigation();
  const { orgValue, setOrgInput, auth, setAuth, test, onSubmit } = useConnectionForm(onReport);

  return (
    <section className="panel" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Your org</h2>
      {connection && <SavedConnection connection={connection} />}
      {connection && <SecretStorageNotice connection={connection} />}
      <form onSubmit={onSubmit} noValidate>
        <OrgUrlField value={orgValue} onChange={setOrgInput} />
        <AuthFields
          draft={auth}
          onChange={setAuth}
          secretStored={Boolean(connection?.hasSecret && !connection.isSampleOrg)}
          sessionOnly={connection ? !connection.secretPersistence.persisted : false}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={test.pending}>
            {test.pending ? 'Testing…' : 'Test connection'}
          </button>
          {report && !report.unreachable && connection?.orgUrl === report.orgUrl && (
            <button type="button" onClick={() => navigate('pull')}>
              Continue to Pull
            </button>
          )}
        </div>
        <p className="field-hint">
          Checks what Okta Prep can read with it, then saves the connection if Okta accepted it. Nothing is downloaded
          yet.
        </p>
      </form>
      <ErrorAlert error={test.error} onDismiss={test.clearError} />
    </section>
  );
}
