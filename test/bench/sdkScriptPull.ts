// What an admin would otherwise write: a plain script over @okta/okta-sdk-nodejs that lists everything Okta Prep
// pulls (users incl. deprovisioned, groups, members, apps, app users and groups, admin roles), with the SDK's defaults.
import { performance } from 'node:perf_hooks';
import okta from '@okta/okta-sdk-nodejs';

export async function pullWithOktaSdk(orgUrl: string, token: string): Promise<{ ms: number; outcome: string }> {
  // Configuration passed explicitly so no ~/.okta/okta.yaml or OKTA_CLIENT_* variable leaks in; no response cache.
  const client = new okta.Client({ orgUrl, token, cacheMiddleware: null });
  const started = performance.now();
  let rows = 0;
  try {
    for await (const _ of await client.userApi.listUsers({ limit: 200 })) rows++;
    for await (const _ of await client.userApi.listUsers({ limit: 200, filter: 'status eq "DEPROVISIONED"' })) rows++;
    const groupIds: string[] = [];
    for await (const group of await client.groupApi.listGroups({ limit: 200, expand: 'stats' }))
      groupIds.push(group!.id!);
    for (const groupId of groupIds)
      for await (const _ of await client.groupApi.listGroupUsers({ groupId, limit: 1000 })) rows++;
    const appIds: string[] = [];
    for await (const app of await client.applicationApi.listApplications({ limit: 200 })) appIds.push(app!.id!);
    for (const appId of appIds) {
      for await (const _ of await client.applicationApi.listApplicationUsers({ appId, limit: 500 })) rows++;
      for await (const _ of await client.applicationApi.listApplicationGroupAssignments({ appId, limit: 200 })) rows++;
    }
    const assignees = await client.roleAssignmentApi.listUsersWithRoleAssignments({ limit: 100 });
    for (const user of assignees.value ?? []) {
      for await (const _ of await client.roleAssignmentApi.listAssignedRolesForUser({ userId: user.id! })) rows++;
    }
    return { ms: performance.now() - started, outcome: `complete (${rows} rows)` };
  } catch (error) {
    return {
      ms: performance.now() - started,
      outcome: `failed after ${rows} rows: ${(error as Error).message.slice(0, 120)}`,
    };
  }
}
