// Fake Okta permissions: a denied kind answers 403 E0000006 on its endpoints only; `oauthWithoutAdminRole` turns
// lists into 200 [] while single reads, the group list and its stats stay real (silent downscoping).
import { describe, expect, it } from 'vitest';
import type { OktaErrorBody, OktaGroup } from '../../../shared/okta/types';
import { useHarnessPerTest, type Harness } from './fakeOktaHarness';

const ORG = { seed: 'permissions', users: 80, groups: 10, apps: 6 };
const start = useHarnessPerTest(ORG);

async function statusOf(harness: Harness, path: string): Promise<number> {
  const response = await harness.get(path);
  await response.arrayBuffer();
  return response.status;
}

async function expect403(harness: Harness, path: string): Promise<void> {
  const response = await harness.get(path);
  expect(response.status, path).toBe(403);
  const body = (await response.json()) as OktaErrorBody;
  expect(body.errorCode).toBe('E0000006');
  expect(body.errorSummary).toBe('You do not have permission to perform the requested action');
  expect(body.errorLink).toBe('E0000006');
  expect(response.headers.get('x-rate-limit-limit')).not.toBeNull();
}

describe('permissions', () => {
  it('groupMembers false: member listing is 403 E0000006, everything else still answers', async () => {
    const harness = await start({ permissions: { groupMembers: false } });
    const group = harness.org.groups[0]!;
    const user = harness.org.users[0]!;
    await expect403(harness, `/api/v1/groups/${group.id}/users`);
    for (const path of [
      '/api/v1/groups',
      `/api/v1/groups/${group.id}`,
      '/api/v1/users',
      `/api/v1/users/${user.id}/groups`,
      '/api/v1/apps',
      `/api/v1/groups/${group.id}/roles`,
      '/api/v1/iam/roles',
    ]) {
      expect(await statusOf(harness, path), path).toBe(200);
    }
  });

  it('apps, roles, users and groups false deny their own endpoints', async () => {
    const harness = await start({ permissions: { apps: false, roles: false } });
    const app = harness.org.apps[0]!;
    const user = harness.org.users[0]!;
    for (const path of [
      '/api/v1/apps',
      `/api/v1/apps/${app.id}`,
      `/api/v1/apps/${app.id}/users`,
      `/api/v1/users/${user.id}/roles`,
      '/api/v1/iam/roles',
      '/api/v1/iam/assignees/users',
    ]) {
      await expect403(harness, path);
    }
    expect(await statusOf(harness, '/api/v1/users')).toBe(200);
    expect(await statusOf(harness, `/api/v1/users/${user.id}/factors`)).toBe(200);
    await harness.server.close();
    const other = await start({ permissions: { users: false, groups: false } });
    await expect403(other, '/api/v1/users');
    await expect403(other, `/api/v1/users/${user.id}/factors`);
    await expect403(other, '/api/v1/groups');
    await expect403(other, `/api/v1/groups/${other.org.groups[0]!.id}/users`);
    expect(await statusOf(other, '/api/v1/apps')).toBe(200);
  });

  it('a missing resource is still 404 when permitted, and 403 wins when not', async () => {
    const harness = await start({ permissions: { groupMembers: false } });
    expect(await statusOf(harness, '/api/v1/groups/00gMissing')).toBe(404);
    await expect403(harness, '/api/v1/groups/00gMissing/users');
  });
});

describe('oauthWithoutAdminRole', () => {
  it('answers lists with 200 [] but keeps groups, their stats and single reads real', async () => {
    const harness = await start({ oauthWithoutAdminRole: true });
    const app =
      harness.org.apps.find((a) => (harness.org.appGroupAssignments.get(a.id)?.length ?? 0) > 0) ??
      harness.org.apps[0]!;
    const user = harness.org.users[0]!;
    const everyone = harness.org.groups.find((g) => g.type === 'BUILT_IN')!;
    for (const path of [
      '/api/v1/users',
      `/api/v1/groups/${everyone.id}/users`,
      '/api/v1/apps',
      `/api/v1/apps/${app.id}/users`,
      `/api/v1/apps/${app.id}/groups`,
      `/api/v1/users/${user.id}/groups`,
      `/api/v1/users/${user.id}/factors`,
    ]) {
      const response = await harness.get(path);
      expect(response.status, path).toBe(200);
      expect(await response.json(), path).toEqual([]);
      expect(response.headers.get('link') ?? '', path).not.toContain('rel="next"');
    }
    expect(await harness.getJson('/api/v1/iam/assignees/users')).toEqual({ value: [], _links: {} });
    expect(await harness.getJson('/api/v1/iam/roles')).toEqual({ roles: [], _links: {} });
    const groups = await harness.getJson<OktaGroup[]>('/api/v1/groups?expand=stats');
    expect(groups).toHaveLength(harness.org.groups.length);
    const listed = groups.find((g) => g.id === everyone.id)!;
    expect(listed._embedded?.stats?.usersCount).toBe(harness.org.groupMembers.get(everyone.id)!.length);
    expect(listed._embedded?.stats?.usersCount).toBeGreaterThan(0);
    const single = await harness.getJson<OktaGroup>(`/api/v1/groups/${everyone.id}?expand=stats`);
    expect(single._embedded?.stats?.usersCount).toBe(listed._embedded?.stats?.usersCount);
    expect((await harness.getJson<{ id: string }>(`/api/v1/users/${user.id}`)).id).toBe(user.id);
    expect((await harness.getJson<{ id: string }>(`/api/v1/apps/${app.id}`)).id).toBe(app.id);
  });
});
