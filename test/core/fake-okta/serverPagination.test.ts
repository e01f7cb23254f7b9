// Fake Okta server lists against the model: Link-header and body pagination, page-size clamping, filters, app user
// scopes.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaAppUser, OktaGroup, OktaUser } from '../../../shared/okta/types';
import { parseLinks, startHarness, type Harness } from './fakeOktaHarness';

let h: Harness;
let big: Harness;

beforeAll(async () => {
  h = await startHarness({ seed: 'pagination-test', users: 450, groups: 60, apps: 30 });
  big = await startHarness({ seed: 'pagination-big', users: 2300, groups: 25, apps: 6 });
});
afterAll(async () => {
  await h?.server.close();
  await big?.server.close();
});

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('GET /api/v1/users', () => {
  it('walks every non-DEPROVISIONED user exactly once by following next links', async () => {
    const { pages, items } = await h.walkLinks<OktaUser>('/api/v1/users?limit=37');
    expect(ids(items)).toEqual(h.org.users.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id));
    expect(pages.slice(0, -1).every((page) => page.length === 37)).toBe(true);
    expect(items.some((u) => u.status === 'DEPROVISIONED')).toBe(false);
  });

  it('uses 200 by default and clamps larger limits to 200, keeping the limit in the next link', async () => {
    const first = await h.get('/api/v1/users');
    expect(((await first.json()) as unknown[]).length).toBe(200);
    const clamped = await h.get('/api/v1/users?limit=1000');
    expect(((await clamped.json()) as unknown[]).length).toBe(200);
    const next = new URL(parseLinks(clamped.headers.get('link')).next!);
    expect(next.searchParams.get('limit')).toBe('200');
  });

  it('sends absolute self and next links; no next on the last page', async () => {
    const response = await h.get('/api/v1/users?limit=5');
    const links = parseLinks(response.headers.get('link'));
    expect(links.self).toBe(`${h.server.url}/api/v1/users?limit=5`);
    expect(links.next).toMatch(new RegExp(`^${h.server.url}/api/v1/users\\?after=[A-Za-z0-9_-]+&limit=5$`));
    const { pages } = await h.walkLinks('/api/v1/users?limit=200');
    expect(pages).toHaveLength(Math.ceil(h.org.users.filter((u) => u.status !== 'DEPROVISIONED').length / 200));
  });

  it('builds links from the Host header', async () => {
    const port = new URL(h.server.url).port;
    const link = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: '/api/v1/users?limit=1',
          headers: { Host: `localhost:${port}`, Authorization: 'SSWS fake-okta-test-token-0123456789' },
        },
        (res) => {
          res.resume();
          resolve(String(res.headers.link));
        },
      );
      req.on('error', reject);
    });
    expect(link).toContain(`<http://localhost:${port}/api/v1/users?limit=1>; rel="self"`);
    expect(link).toContain(`<http://localhost:${port}/api/v1/users?after=`);
  });

  it('filter=status eq "DEPROVISIONED" returns exactly those users, the filter kept across pages', async () => {
    const { items } = await h.walkLinks<OktaUser>(
      `/api/v1/users?limit=3&filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`,
    );
    const expected = h.org.users.filter((u) => u.status === 'DEPROVISIONED').map((u) => u.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(ids(items)).toEqual(expected);
  });

  it('supports or-joined status filters, lastUpdated comparisons and and', async () => {
    const statusFilter = 'status eq "STAGED" or status eq "PROVISIONED" or status eq "deprovisioned"';
    const { items } = await h.walkLinks<OktaUser>(`/api/v1/users?filter=${encodeURIComponent(statusFilter)}`);
    expect(ids(items)).toEqual(
      h.org.users.filter((u) => ['STAGED', 'PROVISIONED', 'DEPROVISIONED'].includes(u.status)).map((u) => u.id),
    );
    const since = '2024-01-01T00:00:00.000Z';
    const changed = await h.walkLinks<OktaUser>(
      `/api/v1/users?filter=${encodeURIComponent(`lastUpdated gt "${since}"`)}`,
    );
    expect(ids(changed.items)).toEqual(
      h.org.users.filter((u) => Date.parse(u.lastUpdated) > Date.parse(since)).map((u) => u.id),
    );
    const both = await h.walkLinks<OktaUser>(
      `/api/v1/users?filter=${encodeURIComponent(`lastUpdated ge "${since}" and status eq "ACTIVE"`)}`,
    );
    expect(ids(both.items)).toEqual(
      h.org.users
        .filter((u) => u.status === 'ACTIVE' && Date.parse(u.lastUpdated) >= Date.parse(since))
        .map((u) => u.id),
    );
  });

  it('supports search with status eq (DEPROVISIONED included when matched)', async () => {
    const { items } = await h.walkLinks<OktaUser>(
      `/api/v1/users?search=${encodeURIComponent('status eq "DEPROVISIONED" or status eq "SUSPENDED"')}`,
    );
    expect(ids(items)).toEqual(
      h.org.users.filter((u) => u.status === 'DEPROVISIONED' || u.status === 'SUSPENDED').map((u) => u.id),
    );
  });

  it('rejects invalid filters with 400 E0000031', async () => {
    for (const filter of [
      'status eq',
      'nope eq "x"',
      'status gt "ACTIVE"',
      'lastUpdated gt "yesterday"',
      '(status eq "ACTIVE"',
      'not status eq "ACTIVE"',
    ]) {
      const response = await h.get(`/api/v1/users?filter=${encodeURIComponent(filter)}`);
      expect(response.status, filter).toBe(400);
      expect(((await response.json()) as { errorCode: string }).errorCode).toBe('E0000031');
    }
  });

  it('treats cursors as opaque: a raw id as `after` is rejected', async () => {
    const response = await h.get(`/api/v1/users?after=${h.org.users[0]!.id}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorCode: string }).errorCode).toBe('E0000001');
  });

  it('answers q with a short unpaged prefix search', async () => {
    const target = h.org.users.find((u) => u.status === 'ACTIVE' && u.profile.lastName)!;
    const response = await h.get(`/api/v1/users?q=${encodeURIComponent(target.profile.lastName!)}`);
    const found = (await response.json()) as OktaUser[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(10);
    expect(parseLinks(response.headers.get('link')).next).toBeUndefined();
  });
});

describe('GET /api/v1/groups and members', () => {
  it('walks every group with expand=stats matching the model', async () => {
    const { items } = await h.walkLinks<OktaGroup>('/api/v1/groups?limit=7&expand=stats');
    expect(ids(items)).toEqual(ids(h.org.groups));
    for (const group of items) {
      const stats = group._embedded!.stats!;
      expect(stats.usersCount).toBe(h.org.groupMembers.get(group.id)!.length);
      const appsCount = [...h.org.appGroupAssignments.values()].filter((list) =>
        list.some((a) => a.groupId === group.id),
      ).length;
      expect(stats.appsCount).toBe(appsCount);
      expect(stats.hasAdminPrivlege).toBe((h.org.groupRoleAssignments.get(group.id)?.length ?? 0) > 0);
    }
    expect(items.some((g) => g._embedded!.stats!.hasAdminPrivlege)).toBe(true);
  });

  it('defaults to 200 groups a page, clamps at 10000, and filters by type and lastMembershipUpdated', async () => {
    const bigOrg = await h.getJson<OktaGroup[]>('/api/v1/groups?limit=100000');
    expect(bigOrg).toHaveLength(h.org.groups.length);
    const appGroups = await h.walkLinks<OktaGroup>(
      `/api/v1/groups?filter=${encodeURIComponent('type eq "APP_GROUP"')}`,
    );
    expect(ids(appGroups.items)).toEqual(ids(h.org.groups.filter((g) => g.type === 'APP_GROUP')));
    const since = '2023-06-01T00:00:00.000Z';
    const changed = await h.walkLinks<OktaGroup>(
      `/api/v1/groups?filter=${encodeURIComponent(`lastUpdated gt "${since}" or lastMembershipUpdated gt "${since}"`)}`,
    );
    const expected = h.org.groups.filter(
      (g) => Date.parse(g.lastUpdated) > Date.parse(since) || Date.parse(g.lastMembershipUpdated) > Date.parse(since),
    );
    expect(ids(changed.items)).toEqual(ids(expected));
  });

  it('pages big group memberships 1000 at a time by default, clamping larger limits', async () => {
    const [groupId, members] = [...big.org.groupMembers].find(
      ([id, list]) => list.length > 1000 && big.org.groups.find((g) => g.id === id)!.type !== 'BUILT_IN',
    )!;
    const { pages, items } = await big.walkLinks<OktaUser>(`/api/v1/groups/${groupId}/users`);
    expect(pages[0]).toHaveLength(1000);
    expect(ids(items)).toEqual(members);
    const clamped = await big.get(`/api/v1/groups/${groupId}/users?limit=5000`);
    expect(((await clamped.json()) as unknown[]).length).toBe(1000);
  });

  it("lists a user's groups (no paging) consistent with memberships", async () => {
    const user = h.org.users.find((u) => u.status === 'ACTIVE')!;
    const groups = await h.getJson<OktaGroup[]>(`/api/v1/users/${user.id}/groups`);
    expect(ids(groups)).toEqual(
      h.org.groups.filter((g) => h.org.groupMembers.get(g.id)!.includes(user.id)).map((g) => g.id),
    );
    expect(groups.some((g) => g.type === 'BUILT_IN')).toBe(true);
  });
});

describe('GET /api/v1/apps and assignments', () => {
  it('walks every app (ACTIVE and INACTIVE), 20 per page by default, at most 200', async () => {
    const { pages, items } = await h.walkLinks<{ id: string; status: string }>('/api/v1/apps');
    expect(pages[0]).toHaveLength(20);
    expect(ids(items)).toEqual(ids(h.org.apps));
    expect(new Set(items.map((a) => a.status))).toEqual(new Set(['ACTIVE', 'INACTIVE']));
    const clamped = await h.get('/api/v1/apps?limit=500');
    expect(parseLinks(clamped.headers.get('link')).self).toContain('limit=500');
  });

  it('lists app users with scope USER for direct (even if also via a group) and GROUP otherwise', async () => {
    for (const app of h.org.apps) {
      const direct = new Map(h.org.directAppAssignments.get(app.id)!.map((d) => [d.userId, d.userName]));
      const viaGroups = new Set(
        h.org.appGroupAssignments.get(app.id)!.flatMap((a) => h.org.groupMembers.get(a.groupId)!),
      );
      const expected = [...new Set([...direct.keys(), ...viaGroups])].sort();
      const { items } = await h.walkLinks<OktaAppUser>(`/api/v1/apps/${app.id}/users?limit=500&expand=user`);
      expect(ids(items)).toEqual(expected);
      for (const appUser of items) {
        expect(appUser.scope).toBe(direct.has(appUser.id) ? 'USER' : 'GROUP');
        const user = h.org.users.find((u) => u.id === appUser.id)!;
        expect(appUser.credentials?.userName).toBe(direct.get(appUser.id) ?? user.profile.login);
        expect(appUser._embedded?.user?.id).toBe(appUser.id);
      }
    }
  });

  it('pages app users 50 at a time by default, max 500', async () => {
    const [appId, entries] = [...h.org.directAppAssignments].sort(([, a], [, b]) => b.length - a.length)[0]!;
    expect(entries.length).toBeGreaterThan(50);
    const first = await h.get(`/api/v1/apps/${appId}/users`);
    expect(((await first.json()) as unknown[]).length).toBe(50);
    const withoutEmbed = (await h.getJson<OktaAppUser[]>(`/api/v1/apps/${appId}/users?limit=1`))[0]!;
    expect(withoutEmbed._embedded).toBeUndefined();
  });

  it('lists app groups with priority, at least 20 per page', async () => {
    for (const app of h.org.apps) {
      const { pages, items } = await h.walkLinks<{ id: string; priority: number }>(
        `/api/v1/apps/${app.id}/groups?limit=1`,
      );
      expect(pages).toHaveLength(1); // limit 1 is raised to the minimum of 20
      expect(items).toEqual(
        h.org.appGroupAssignments
          .get(app.id)!
          .map((a) => expect.objectContaining({ id: a.groupId, priority: a.priority })),
      );
    }
  });
});

describe('admin roles', () => {
  it('pages /iam/assignees/users through body _links.next, listing direct role holders only', async () => {
    const { pages, items } = await h.walkBody<{ id: string }>('/api/v1/iam/assignees/users?limit=2', 'value');
    expect(ids(items)).toEqual([...h.org.userRoleAssignments.keys()].sort());
    expect(pages.length).toBe(Math.ceil(items.length / 2));
    const last = await h.getJson<{ _links: Record<string, unknown> }>(
      `/api/v1/iam/assignees/users?limit=${items.length}`,
    );
    expect(last._links.next).toBeUndefined();
  });

  it('lists custom roles from /iam/roles with body pagination', async () => {
    const { items } = await h.walkBody<{ id: string; label: string }>('/api/v1/iam/roles?limit=1', 'roles');
    expect(ids(items)).toEqual(ids(h.org.customRoles));
  });

  it("returns a user's direct roles and the roles inherited from groups", async () => {
    const [groupId, groupRoles] = [...h.org.groupRoleAssignments].find(
      ([id]) => h.org.groupMembers.get(id)!.length > 0,
    )!;
    const memberId = h.org.groupMembers.get(groupId)![0]!;
    const roles = await h.getJson<{ id: string; assignmentType: string; _links: { assignee: { href: string } } }[]>(
      `/api/v1/users/${memberId}/roles`,
    );
    for (const role of groupRoles) {
      expect(roles).toContainEqual(
        expect.objectContaining({
          id: role.id,
          assignmentType: 'GROUP',
          _links: expect.objectContaining({ assignee: { href: `${h.server.url}/api/v1/groups/${groupId}` } }),
        }),
      );
    }
    const [adminId, adminRoles] = [...h.org.userRoleAssignments][0]!;
    const direct = await h.getJson<{ id: string; assignmentType: string }[]>(`/api/v1/users/${adminId}/roles`);
    expect(direct.filter((r) => r.assignmentType === 'USER').map((r) => r.id)).toEqual(adminRoles.map((r) => r.id));
    const group = await h.getJson<{ id: string }[]>(`/api/v1/groups/${groupId}/roles`);
    expect(ids(group)).toEqual(ids(groupRoles));
  });

  it("returns a user's factors (empty list for none)", async () => {
    const [userId, factors] = [...h.org.factors][0]!;
    expect(ids(await h.getJson<{ id: string }[]>(`/api/v1/users/${userId}/factors`))).toEqual(ids(factors));
    const staged = h.org.users.find((u) => u.status === 'STAGED')!;
    expect(await h.getJson(`/api/v1/users/${staged.id}/factors`)).toEqual([]);
  });
});

describe('single objects and the live model', () => {
  it('gets a user by id or login, a group and an app', async () => {
    const user = h.org.users[3]!;
    expect((await h.getJson<OktaUser>(`/api/v1/users/${user.id}`)).profile).toEqual(user.profile);
    expect((await h.getJson<OktaUser>(`/api/v1/users/${encodeURIComponent(user.profile.login)}`)).id).toBe(user.id);
    expect((await h.getJson<OktaGroup>(`/api/v1/groups/${h.org.groups[1]!.id}`)).profile).toEqual(
      h.org.groups[1]!.profile,
    );
    expect((await h.getJson<{ label: string }>(`/api/v1/apps/${h.org.apps[2]!.id}`)).label).toBe(h.org.apps[2]!.label);
  });

  it('serves changes made to the model between requests, even appended out of order', async () => {
    const org = await startHarness({ seed: 'mutation', users: 60, groups: 12, apps: 6 });
    try {
      const clone: OktaUser = {
        ...org.org.users[10]!,
        id: '00u0000000000000000a',
        status: 'ACTIVE',
        profile: { ...org.org.users[10]!.profile, login: 'new.person@example.com' },
      };
      org.org.users.push(clone); // smallest id, appended at the end
      expect((await org.getJson<OktaUser>(`/api/v1/users/${clone.id}`)).profile.login).toBe('new.person@example.com');
      const { items } = await org.walkLinks<OktaUser>('/api/v1/users?limit=7');
      expect(items[0]!.id).toBe(clone.id);
      expect(new Set(ids(items)).size).toBe(items.length);
      const before = org.server.requestCount();
      await org.get('/api/v1/nope');
      expect(org.server.requestCount()).toBe(before + 1);
    } finally {
      await org.server.close();
    }
  });
});
