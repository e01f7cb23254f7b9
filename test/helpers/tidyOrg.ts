// A small fake Okta org tidied so that no finding rule fires (every user ACTIVE and recently signed in with a strong
// factor, no admin, no direct assignment, every group has members and an app), served by the real fake server.
// Audit tests make one small edit to it, pull it over HTTP into a real SQLite file, and read the audit.
import path from 'node:path';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import {
  startFakeOktaServer,
  type FakeOktaServer,
  type FakeOktaServerOptions,
} from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';

export const TIDY_TOKEN = 'audit-test-token';

export interface TidyOrg {
  server: FakeOktaServer;
  org: FakeOrg;
  /** Four users; users 0 and 1 are in groupA (assigned appA), users 2 and 3 in groupB (assigned appB). */
  users: string[];
  everyone: string;
  groupA: string;
  groupB: string;
  appA: string;
  appB: string;
}

function tidy(org: FakeOrg, now: string): Omit<TidyOrg, 'server' | 'org'> {
  const users = org.users.map((user) => user.id);
  const everyone = org.groups.find((group) => group.type === 'BUILT_IN')!.id;
  const [groupA, groupB] = org.groups.filter((group) => group.type !== 'BUILT_IN').map((group) => group.id);
  const [appA, appB] = org.apps.map((app) => app.id);
  for (const user of org.users) Object.assign(user, { status: 'ACTIVE', lastLogin: now });
  for (const group of org.groups) if (group.type !== 'BUILT_IN') group.type = 'OKTA_GROUP';
  for (const app of org.apps) app.status = 'ACTIVE';
  org.groupMembers.set(groupA!, [users[0]!, users[1]!].sort());
  org.groupMembers.set(groupB!, [users[2]!, users[3]!].sort());
  org.groupMembers.set(everyone, [...users]);
  org.directAppAssignments.clear();
  org.appGroupAssignments.clear();
  org.appGroupAssignments.set(appA!, [{ groupId: groupA!, priority: 0 }]);
  org.appGroupAssignments.set(appB!, [{ groupId: groupB!, priority: 0 }]);
  org.userRoleAssignments.clear();
  org.groupRoleAssignments.clear();
  org.factors.clear();
  for (const [index, user] of org.users.entries()) {
    org.factors.set(user.id, [
      {
        id: `opf${String(index).padStart(17, '0')}`,
        factorType: 'push',
        provider: 'OKTA',
        status: 'ACTIVE',
        created: now,
        lastUpdated: now,
      },
    ]);
  }
  return { users, everyone, groupA: groupA!, groupB: groupB!, appA: appA!, appB: appB! };
}

export async function startTidyOrg(
  seed = 'audit-tidy',
  serverOptions: Partial<FakeOktaServerOptions> = {},
): Promise<TidyOrg> {
  const org = generateOrg({ seed, users: 4, groups: 3, apps: 2 });
  const ids = tidy(org, new Date().toISOString().replace(/\.\d{3}Z$/, '.000Z'));
  const server = await startFakeOktaServer({ org, apiToken: TIDY_TOKEN, ...serverOptions });
  return { server, org, ...ids };
}

/** Pulls the org as it is now into the database (factors included unless told otherwise); returns the snapshot id. */
export async function pullTidyOrg(db: Db, tidyOrg: TidyOrg, includeFactors = true): Promise<number> {
  const client = new OktaClient({ orgUrl: tidyOrg.server.url, auth: new SswsTokenAuth(TIDY_TOKEN) });
  const result = await pullOrg({ db, client, includeFactors, appVersion: 'test' });
  return result.snapshotId;
}

export function openTestDb(folder: string, name = 'audit.sqlite'): Db {
  return openDatabase(path.join(folder, name));
}
