// Connect screen: org URL and credentials, "Test connection" (saves, then checks what can be read), and the sample org.
import { useState, type FormEvent } from 'react';
import type { PreflightReport } from '../../../../shared/service/types';
import { useConnection } from '../../app/ConnectionContext';
import { useNavigation } from '../../app/NavigationContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { AuthFields, authInputFromDraft, EMPTY_AUTH_DRAFT, type AuthDraft } from './AuthFields';
import { OrgUrlField, type NormalisedOrgUrl } from './OrgUrlField';
import { PreflightResult } from './PreflightResult';
import { SampleOrgOffer } from './SampleOrgOffer';
import { SavedConnection } from './SavedConnection';
import { SecretStorageNotice } from './SecretStorageNotice';

/** A problem with what was typed; shown under the "Please check the input" title. */
class FormProblem extends Error {
  readonly code = 'BAD_INPUT';
}

export function ConnectScreen() {
  const client = useService();
  const { connection, setConnection } = useConnection();
  const { navigate } = useNavigation();
  const savedRealOrg = connection && !connection.isSampleOrg ? connection.orgUrl : '';
  const [orgInput, setOrgInput] = useState<string | null>(null);
  const [normalised, setNormalised] = useState<NormalisedOrgUrl | null>(null);
  const [auth, setAuth] = useState<AuthDraft>(EMPTY_AUTH_DRAFT);
  const [report, setReport] = useState<PreflightReport | null>(null);
  const orgValue = orgInput ?? savedRealOrg;

  const test = useAsyncAction(async () => {
    setReport(null);
    const authInput = authInputFromDraft(auth);
    const orgUrl = normalised?.url ?? orgValue.trim();
    const orgChanged = !connection || connection.isSampleOrg || orgUrl !== connection.orgUrl;
    if (authInput) {
      if (!orgUrl) throw new FormProblem('Enter the Okta org URL first.');
      setConnection(await client.call('connection.save', { orgUrl, auth: authInput }));
      setAuth({ ...EMPTY_AUTH_DRAFT, kind: auth.kind, clientId: auth.clientId });
    } else if (orgChanged && orgUrl) {
      throw new FormProblem(
        auth.kind === 'ssws'
          ? 'Enter the API token for this org.'
          : 'Enter the client ID and choose the private key file.',
      );
    } else if (!connection) {
      throw new FormProblem('Enter the Okta org URL and an API token first.');
    }
    setReport(await client.call('connection.test', {}));
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void test.run();
  }

  return (
    <>
      <h1 tabIndex={-1}>Connect to Okta</h1>
      {connection === null && (
        <EmptyState title="No snapshot yet — connect to Okta or try the sample org">
          <p>
            Okta Prep copies an org's users, groups, apps, admin roles and factors to this computer so you can audit
            them offline.
          </p>
        </EmptyState>
      )}
      <div className="two-columns">
        <section className="panel" aria-labelledby="connection-heading">
          <h2 id="connection-heading">Your org</h2>
          {connection && <SavedConnection connection={connection} />}
          {connection && <SecretStorageNotice connection={connection} />}
          <form onSubmit={onSubmit} noValidate>
            <OrgUrlField value={orgValue} onChange={setOrgInput} onNormalised={setNormalised} />
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
              {report && (
                <button type="button" onClick={() => navigate('pull')}>
                  Continue to Pull
                </button>
              )}
            </div>
            <p className="field-hint">
              Saves the connection, then checks what Okta Prep can read with it. Nothing is downloaded yet.
            </p>
          </form>
          <ErrorAlert error={test.error} onDismiss={test.clearError} />
        </section>
        <SampleOrgOffer />
      </div>
      {report && <PreflightResult report={report} />}
    </>
  );
}
