// Connect screen: org URL and credentials, "Test connection" (checks, then saves what Okta accepted), the saved
// connections and the sample org.
import { useState } from 'react';
import type { PreflightReport } from '../../../../shared/service/types';
import { useConnection } from '../../app/ConnectionContext';
import { EmptyState } from '../../components/EmptyState';
import { ConnectionPanel } from './ConnectionPanel';
import { PreflightResult } from './PreflightResult';
import { SampleOrgOffer } from './SampleOrgOffer';
import { SavedConnections } from './SavedConnections';

export function ConnectScreen() {
  const { connection } = useConnection();
  const [report, setReport] = useState<PreflightReport | null>(null);
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
        <ConnectionPanel report={report} onReport={setReport} />
        <SampleOrgOffer />
      </div>
      {report && <PreflightResult report={report} />}
      <SavedConnections />
    </>
  );
}
