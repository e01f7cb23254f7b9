// Org mutation helpers on a live fake server with a manual clock: changes show up in the API at once, with the
// timestamps Okta would give them (lastUpdated, lastMembershipUpdated) taken from the server's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaGroup, OktaRoleAssignment, OktaUser } from '../../../shared/okta/types';
import { createManualClock, oktaTimestamp, type ManualClock } from '../../../electron/core/fake-okta/fakeClock';
import {
  addGroup,
  addGroupMember,
  addUser,
  assignAppToGroup,
  assignAppToUser,
  assignRoleToGroup,
  assignRoleToUser,
  deleteGroup,
  deleteUser,
  deprovisionUser,
  removeGroupMember,
  unassignAppFromUser,
  unassignRoleFromUser,
  updateApp,
  updateGroup,
  updateUser,
} from '../../../electron/core/fake-okta/mutateOrg';
import { startHarness, type Harness } from './fakeOktaHarness';

let h: Harness;
let clock: ManualClock;
beforeAll(async () => {
  clock = createManualClock();
  h = await startHarness({ seed: 'mutations', users: 60, groups: 8, apps: 5 }, { clock });
});
afterAll(async () => h?.server.close());

const q = (text: string) => encodeURIComponent(text);
const everyone = () => h.org.groups.find((g) => g.type === 'BUILT_IN')!;
const ordinaryGroup = () => h.org.groups.find((g) => g.type === 'OKTA_GROUP')!;
const activeUser = (skip = 0) => h.org.users.filter((u) => u.status === 'ACTIVE')[skip]!;
const memberIds = async (groupId: string) =>
  (await h.walkLinks<OktaUser>(`/api/v1/groups/${groupId}/users`)).items.map((u) => u.id);

describe('server clock', () => {
  it('drives the Date header', async () => {
    clock.advance(5_000);
    const response = await h.get('/api/v1/groups?limit=1');
    expect(Date.parse(response.headers.get('date')!)).toBe(Math.floor(clock.now() / 1000) * 1000);
  });
});

describe('users', () => {
  it('addUser creates an ACTIVE user in Everyone, stamped now', async () => {
    clock.advance(60_000);
    const stamp = oktaTimestamp(clock.now());
    const user = addUser(h.server, { profile: { login: 'new.hire@example.com', firstName: 'New', lastName: 'Hire' } });
    expect(user.id).toMatch(/^00u[A-Za-z0-9]{17}$/);
    const served = await h.getJson<OktaUser>(`/api/v1/users/${user.id}`);
    expect(served).toMatchObject({
      status: 'ACTIVE',
      created: stamp,
      lastUpdated: stamp,
      activated: stamp,
      profile: { email: 'new.hire@example.com' },
    });
    expect(await memberIds(everyone().id)).toContain(user.id);
    expect((await h.getJson<OktaGroup>(`/api/v1/groups/${everyone().id}`)).lastMembershipUpdated).toBe(stamp);
    const all = await h.walkLinks<OktaUser>('/api/v1/users?limit=7');
    expect(all.items.map((u) => u.id)).toEqual([...all.items.map((u) => u.id)].sort()); // still id-ordered
  });

  it('updateUser bumps lastUpdated, so a lastUpdated filter finds exactly the changed users', async () => {
    const since = oktaTimestamp(clock.now());
    clock.advance(60_000);
    const user = activeUser(1);
    updateUser(h.server, user.id, { profile: { title: 'Chief Fake Officer', department: undefined } });
    const changed = await h.getJson<OktaUser[]>(`/api/v1/users?filter=${q(`lastUpdated gt "${since}"`)}`);
    expect(changed.map((u) => u.id)).toEqual([user.id]);
    expect(changed[0]!.profile.title).toBe('Chief Fake Officer');
    expect('department' in changed[0]!.profile).toBe(false);
    expect(changed[0]!.lastUpdated).toBe(oktaTimestamp(clock.now()));
  });

  it('deprovisionUser removes memberships, direct app assignments and roles, and bumps the groups', async () => {
    clock.advance(60_000);
    const user = activeUser(2);
    const group = ordinaryGroup();
    addGroupMember(h.server, group.id, user.id);
    const app = h.org.apps[0]!;
    assignAppToUser(h.server, app.id, user.id);
    assignRoleToUser(h.server, user.id, 'READ_ONLY_ADMIN');
    clock.advance(60_000);
    const stamp = oktaTimestamp(clock.now());
    deprovisionUser(h.server, user.id);
    expect((await h.getJson<OktaUser>(`/api/v1/users/${user.id}`)).status).toBe('DEPROVISIONED');
    expect(await memberIds(group.id)).not.toContain(user.id);
    expect(await memberIds(everyone().id)).not.toContain(user.id);
    expect((await h.getJson<OktaGroup>(`/api/v1/groups/${group.id}`)).lastMembershipUpdated).toBe(stamp);
    const appUsers = (await h.walkLinks<{ id: string; scope: string }>(`/api/v1/apps/${app.id}/users`)).items;
    expect(appUsers.find((a) => a.id === user.id && a.scope === 'USER')).toBeUndefined();
    expect(await h.getJson(`/api/v1/users/${user.id}/roles`)).toEqual([]);
  });

  it('deleteUser makes the user 404', async () => {
    const user = activeUser(3);
    deleteUser(h.server, user.id);
    expect((await h.get(`/api/v1/users/${user.id}`)).status).toBe(404);
  });
});

describe('groups and memberships', () => {
  it('addGroupMember / removeGroupMember move lastMembershipUpdated but not lastUpdated', async () => {
    const group = ordinaryGroup();
    const before = await h.getJson<OktaGroup>(`/api/v1/groups/${group.id}`);
    const user = h.org.users.find((u) => u.status === 'ACTIVE' && !h.org.groupMembers.get(group.id)!.includes(u.id))!;
    clock.advance(60_000);
    addGroupMember(h.server, group.id, user.id);
    const added = await h.getJson<OktaGroup>(`/api/v1/groups/${group.id}?expand=stats`);
    expect(added.lastMembershipUpdated).toBe(oktaTimestamp(clock.now()));
    expect(added.lastUpdated).toBe(before.lastUpdated);
    expect(added._embedded?.stats?.usersCount).toBe(h.org.groupMembers.get(group.id)!.length);
    expect(await memberIds(group.id)).toContain(user.id);
    const since = oktaTimestamp(clock.now() - 1000);
    const filtered = await h.getJson<OktaGroup[]>(`/api/v1/groups?filter=${q(`lastMembershipUpdated gt "${since}"`)}`);
    expect(filtered.map((g) => g.id)).toContain(group.id);
    clock.advance(60_000);
    removeGroupMember(h.server, group.id, user.id);
    expect(await memberIds(group.id)).not.toContain(user.id);
    expect((await h.getJson<OktaGroup>(`/api/v1/groups/${group.id}`)).lastMembershipUpdated).toBe(
      oktaTimestamp(clock.now()),
    );
  });

  it('addGroup / updateGroup / deleteGroup', async () => {
    clock.advance(60_000);
    const group = addGroup(h.server, { name: 'Fake Incident Responders', description: 'pager duty' });
    expect((await h.getJson<OktaGroup>(`/api/v1/groups/${group.id}`)).profile.name).toBe('Fake Incident Responders');
    clock.advance(60_000);
    updateGroup(h.server, group.id, { name: 'Incident Responders' });
    const updated = await h.getJson<OktaGroup>(`/api/v1/groups/${group.id}`);
    expect([updated.profile.name, updated.lastUpdated]).toEqual(['Incident Responders', oktaTimestamp(clock.now())]);
    deleteGroup(h.server, group.id);
    expect((await h.get(`/api/v1/groups/${group.id}`)).status).toBe(404);
  });
});

describe('apps and roles', () => {
  it('app assignments to users and groups show up in /apps/{id}/users and /groups', async () => {
    const app = h.org.apps[1]!;
    const user = activeUser(4);
    assignAppToUser(h.server, app.id, user.id, 'custom-name');
    let appUsers = (
      await h.walkLinks<{ id: string; scope: string; credentials: { userName: string } }>(
        `/api/v1/apps/${app.id}/users`,
      )
    ).items;
    expect(appUsers.find((a) => a.id === user.id)).toMatchObject({
      scope: 'USER',
      credentials: { userName: 'custom-name' },
    });
    unassignAppFromUser(h.server, app.id, user.id);
    const group = addGroup(h.server, { name: 'App Group For Test' });
    addGroupMember(h.server, group.id, user.id);
    assignAppToGroup(h.server, app.id, group.id);
    expect((await h.getJson<{ id: string }[]>(`/api/v1/apps/${app.id}/groups`)).map((g) => g.id)).toContain(group.id);
    appUsers = (
      await h.walkLinks<{ id: string; scope: string; credentials: { userName: string } }>(
        `/api/v1/apps/${app.id}/users`,
      )
    ).items;
    expect(appUsers.find((a) => a.id === user.id)?.scope).toBe('GROUP');
    clock.advance(1000);
    expect(updateApp(h.server, app.id, { status: 'INACTIVE' }).lastUpdated).toBe(oktaTimestamp(clock.now()));
  });

  it('role assignments show up for the user, group members and /iam/assignees/users', async () => {
    const user = activeUser(5);
    const assignment = assignRoleToUser(h.server, user.id, 'HELP_DESK_ADMIN');
    const roles = await h.getJson<OktaRoleAssignment[]>(`/api/v1/users/${user.id}/roles`);
    expect(roles.find((r) => r.id === assignment.id)).toMatchObject({
      type: 'HELP_DESK_ADMIN',
      label: 'Help Desk Administrator',
      assignmentType: 'USER',
    });
    expect((await h.walkBody<{ id: string }>('/api/v1/iam/assignees/users', 'value')).items.map((a) => a.id)).toContain(
      user.id,
    );
    unassignRoleFromUser(h.server, user.id, assignment.id);
    expect(
      (await h.getJson<OktaRoleAssignment[]>(`/api/v1/users/${user.id}/roles`)).find((r) => r.id === assignment.id),
    ).toBeUndefined();
    const group = ordinaryGroup();
    const custom = h.org.customRoles[0]!;
    const groupRole = assignRoleToGroup(h.server, group.id, {
      customRoleId: custom.id,
      resourceSetId: 'iamFakeResourceSet01',
    });
    const member = h.org.groupMembers.get(group.id)![0]!;
    const inherited = await h.getJson<OktaRoleAssignment[]>(`/api/v1/users/${member}/roles`);
    expect(inherited.find((r) => r.id === groupRole.id)).toMatchObject({
      type: 'CUSTOM',
      role: custom.id,
      assignmentType: 'GROUP',
    });
  });
});
