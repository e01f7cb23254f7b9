// A generated fake Okta org served by the real fake server and pulled over HTTP into a new SQLite cache in `dir`:
// the starting point of tests that need a real snapshot. The caller closes the database and the server.
import path from 'node:path';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';

export interface PulledFakeOrg {
  server: FakeOktaServer;
  /** The org the server served (after `edit`): what tests compute expected exports from, independently. */
  org: FakeOrg;
  db: Db;
  snapshotId: number;
}

/** `edit` may change the generated org (odd names, formula-like values) before the server serves it. */
export async function pullFakeOrg(
  dir: string,
  org: Parameters<typeof generateOrg>[0],
  edit: (model: FakeOrg) => void = () => {},
): Promise<PulledFakeOrg> {
  const token = `token-${org.seed}`;
  const model = generateOrg(org);
  edit(model);
  const server = await startFakeOktaServer({ org: model, apiToken: token });
  const db = openDatabase(path.join(dir, 'cache.sqlite'));
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(token) });
  const { snapshotId } = await pullOrg({ db, client, includeFactors: false, appVersion: 'test' });
  return { server, org: model, db, snapshotId };
}
