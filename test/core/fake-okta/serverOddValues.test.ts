// Fake server option `oddValues`: the first page of a plain listing carries the odd values, later pages, filtered
// listings and the live org model stay as they were, and a server without the option sends none of it.
import { afterAll, describe, expect, it } from 'vitest';
import { ODD_VALUES, ODD_VALUE_IDS } from '../../../electron/core/fake-okta/oddValues';
import { startHarness, type Harness } from './fakeOktaHarness';

const harnesses: Harness[] = [];
async function harness(oddValues: boolean): Promise<Harness> {
  const started = await startHarness({ seed: 'odd-server', users: 30, groups: 5, apps: 4 }, { oddValues });
  harnesses.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(harnesses.map((h) => h.server.close()));
});

describe('fake Okta oddValues', () => {
  it('edits only the first page of a plain listing and never the live org model', async () => {
    const h = await harness(true);
    const { pages } = await h.walkLinks<Record<string, any> | null>('/api/v1/users?limit=10');
    expect(pages[0]![0]!.status).toBe(ODD_VALUES.userStatus);
    expect(pages[0]![1]!.profile.login).toBeUndefined();
    expect(pages[0]!.at(-1)).toBeNull();
    expect(pages[1]!.every((user) => user !== null && typeof user.profile.login === 'string')).toBe(true);
    const modelUser = (id: string) => h.org.users.find((user) => user.id === id)!;
    expect(modelUser(pages[0]![0]!.id).status).not.toBe(ODD_VALUES.userStatus);
    expect(typeof modelUser(pages[0]![1]!.id).profile.login).toBe('string');
    const filtered = await h.getJson<unknown[]>(`/api/v1/users?filter=${encodeURIComponent('status eq "ACTIVE"')}`);
    expect(filtered).not.toContain(null);
    expect(await h.getJson(`/api/v1/users/${ODD_VALUE_IDS.unlistedRoleHolder}/roles`)).toEqual([
      expect.objectContaining({ type: ODD_VALUES.roleType, assignmentType: 'USER' }),
    ]);
  });

  it('is off by default', async () => {
    const h = await harness(false);
    const users = await h.getJson<unknown[]>('/api/v1/users?limit=10');
    expect(users).not.toContain(null);
    expect((await h.get(`/api/v1/users/${ODD_VALUE_IDS.unlistedRoleHolder}/roles`)).status).toBe(404);
  });
});
