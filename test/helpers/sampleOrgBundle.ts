// A real export bundle of the built-in sample org: pulled from the fake Okta server and written by exportBundle, the
// way `okta-prep demo` makes one.
import { exportBundle } from '../../electron/core/export/exportBundle';
import { generateSampleOrg } from '../../electron/core/fake-okta/sampleOrg';
import { startFakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase } from '../../electron/core/store/openDatabase';
import path from 'node:path';

export async function exportSampleOrgBundle(workDir: string): Promise<string> {
  const token = 'sample-org-bundle-token';
  const server = await startFakeOktaServer({ org: generateSampleOrg(), apiToken: token });
  const db = openDatabase(path.join(workDir, 'cache.sqlite'));
  try {
    const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(token) });
    const { snapshotId } = await pullOrg({ db, client, includeFactors: false, appVersion: 'test' });
    const outDir = path.join(workDir, 'bundle');
    await exportBundle({ db, snapshotId, outDir, options: {}, appVersion: 'test' });
    return outDir;
  } finally {
    db.close();
    await server.close();
  }
}
