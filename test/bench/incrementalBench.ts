// Benchmark: requests of a quick refresh after 1% of users and 1% of groups changed, as a fraction of a full pull of
// the same org state (10,000 users / 1,000 groups / 200 apps, factors not included).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { addGroupMember, removeGroupMember, updateUser } from '../../electron/core/fake-okta/mutateOrg';
import { startFakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { snapshotContentHash } from '../../electron/core/store/snapshotContentHash';

const TOKEN = 'bench-token';

export async function runIncrementalBench(): Promise<Record<string, number | string>> {
  const org = generateOrg({ seed: 'incremental', users: 10_000, groups: 1_000, apps: 200, includeFactors: false });
  const server = await startFakeOktaServer({ org, apiToken: TOKEN });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-incr-'));
  const pull = (db: Db, quickRefreshFrom?: number) =>
    pullOrg({
      db,
      client: new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) }),
      includeFactors: false,
      appVersion: 'bench',
      quickRefreshFrom,
    });
  try {
    const db = openDatabase(path.join(dir, 'incremental.sqlite'));
    const base = await pull(db);
    // Let the clock move past the base pull, then change 1% of users and 1% of groups.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const active = org.users.filter((user) => user.status === 'ACTIVE');
    for (const user of active.slice(0, 100))
      updateUser(server, user.id, { profile: { title: 'Changed for the benchmark' } });
    const groups = org.groups.filter((group) => group.type === 'OKTA_GROUP').slice(0, 10);
    for (const [i, group] of groups.entries()) {
      const members = org.groupMembers.get(group.id) ?? [];
      if (members.length > 0) removeGroupMember(server, group.id, members[0]!);
      addGroupMember(server, group.id, active[200 + i]!.id);
    }
    const quick = await pull(db, base.snapshotId);
    const fullDb = openDatabase(path.join(dir, 'full.sqlite'));
    const full = await pull(fullDb);
    const identical = snapshotContentHash(db, quick.snapshotId) === snapshotContentHash(fullDb, full.snapshotId);
    db.close();
    fullDb.close();
    return {
      'full pull requests': full.requests,
      'quick refresh requests': quick.requests,
      'quick ÷ full (requests)': +(quick.requests / full.requests).toFixed(3),
      'quick refresh content equals the full pull': identical ? 'yes' : 'NO',
    };
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
