// The Connect form's state (org URL as typed, the credentials draft) and its "Test connection" action: new credentials
// are tested first and saved only when Okta accepted them (a rejected token is never stored, and leaves the form);
// without new credentials the saved connection is tested as it is.
import { useState, type FormEvent } from 'react';
import type { PreflightReport } from '../../../../shared/service/types';
import { useConnection } from '../../app/ConnectionContext';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { EMPTY_AUTH_DRAFT, type AuthDraft } from './AuthFields';
import { connectionToSave } from './connectionToSave';

export function useConnectionForm(onReport: (report: PreflightReport | null) => void) {
  const client = useService();
  const { connection, setConnection } = useConnection();
  const savedRealOrg = connection && !connection.isSampleOrg ? connection.orgUrl : '';
  const [orgInput, setOrgInput] = useState<string | null>(null);
  const [auth, setAuth] = useState<AuthDraft>(EMPTY_AUTH_DRAFT);
  const orgValue = orgInput ?? savedRealOrg;
  const clearSecret = () => setAuth({ ...EMPTY_AUTH_DRAFT, kind: auth.kind, clientId: auth.clientId });

  const test = useAsyncAction(async () => {
    onReport(null);
    // Normalised now, from what is typed now: the field's own normalising waits for typing to pause, so its answer
    // may still be for the previous input when the button is pressed straight after typing another org.
    const typed = orgValue.trim();
    const orgUrl = typed ? (await client.call('connection.normaliseOrgUrl', { input: typed })).url : '';
    const toSave = connectionToSave(auth, orgUrl, connection);
    if (!toSave) {
      onReport(await client.call('connection.test', {}));
      return;
    }
    const report = await client.call('connection.test', toSave).finally(clearSecret);
    onReport(report);
    // An org that cannot be reached could not check the credentials: nothing is saved.
    if (!report.unreachable) setConnection(await client.call('connection.save', toSave));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void test.run();
  };
  return { orgValue, setOrgInput, auth, setAuth, test, onSubmit };
}
