// The Connect form's state (org URL as typed and as normalised, the credentials draft) and its "Test connection"
// action: saves what was typed when it holds a secret, then asks the service what the connection can read.
import { useState, type FormEvent } from 'react';
import type { PreflightReport } from '../../../../shared/service/types';
import { useConnection } from '../../app/ConnectionContext';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { EMPTY_AUTH_DRAFT, type AuthDraft } from './AuthFields';
import { connectionToSave } from './connectionToSave';
import type { NormalisedOrgUrl } from './useNormalisedOrgUrl';

export function useConnectionForm(onReport: (report: PreflightReport | null) => void) {
  const client = useService();
  const { connection, setConnection } = useConnection();
  const savedRealOrg = connection && !connection.isSampleOrg ? connection.orgUrl : '';
  const [orgInput, setOrgInput] = useState<string | null>(null);
  const [normalised, setNormalised] = useState<NormalisedOrgUrl | null>(null);
  const [auth, setAuth] = useState<AuthDraft>(EMPTY_AUTH_DRAFT);
  const orgValue = orgInput ?? savedRealOrg;

  const test = useAsyncAction(async () => {
    onReport(null);
    const toSave = connectionToSave(auth, normalised?.url ?? orgValue.trim(), connection);
    if (toSave) {
      setConnection(await client.call('connection.save', toSave));
      setAuth({ ...EMPTY_AUTH_DRAFT, kind: auth.kind, clientId: auth.clientId });
    }
    onReport(await client.call('connection.test', {}));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void test.run();
  };
  return { orgValue, setOrgInput, setNormalised, auth, setAuth, test, onSubmit };
}
