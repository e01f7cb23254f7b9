// Fake Okta per-object misbehaviour: `deniedObjects` refuses the sub-listings of chosen groups/apps only (a scoped
// admin), `groupStats` leaves out or falsifies `_embedded.stats` for chosen groups while everything else is unchanged.
import { describe, expect, it } from 'vitest';
import type { OktaErrorBody, OktaGroup } from '../../../shared/okta/types';
import { useHarnessPerTest, type Harness } from './fakeOktaHarness';

const ORG = { seed: 'object-faults', users: 80, groups: 10, apps: 6 };
const start = useHarnessPerTest(ORG);

async function statusOf(harness: Harness, path: string): Promise<{ status: number; errorCode?: string }> {
  const response = await harness.get(path);
  const body = (await response.json()) as Partial<OktaErrorBody>;
  return { status: response.status, errorCode: body.errorCode };
}

const statsOf = (groups: OktaGroup[], id: string) => groups.find((group) => group.id === id)!._embedded?.stats;

describe('deniedObjects', () => {
  it('refuses only the listings under the denied group and app; the others answer', async () => {
    const probe = await start({});
    const [denied, allowed] = probe.org.groups;
    const [deniedApp, allowedApp] = probe.org.apps;
    await probe.server.close();
    const harness = await start({ deniedObjects: [denied!.id, deniedApp!.id] });
    const refused = { status: 403, errorCode: 'E0000006' };
    expect(await statusOf(harness, `/api/v1/groups/${denied!.id}/users`)).toEqual(refused);
    expect(await statusOf(harness, `/api/v1/groups/${denied!.id}/roles`)).toEqual(refused);
    expect(await statusOf(harness, `/api/v1/apps/${deniedApp!.id}/users`)).toEqual(refused);
    expect(await statusOf(harness, `/api/v1/apps/${deniedApp!.id}/groups`)).toEqual(refused);
    expect((await statusOf(harness, `/api/v1/groups/${allowed!.id}/users`)).status).toBe(200);
    expect((await statusOf(harness, `/api/v1/apps/${allowedApp!.id}/users`)).status).toBe(200);
    const groups = await harness.getJson<OktaGroup[]>('/api/v1/groups?limit=200');
    expect(groups.map((group) => group.id)).toContain(denied!.id);
  });
});

describe('groupStats', () => {
  it('absent "all": no group carries _embedded.stats; without the option they all do', async () => {
    const plain = await start({});
    const real = await plain.getJson<OktaGroup[]>('/api/v1/groups?limit=200&expand=stats');
    expect(real.every((group) => group._embedded?.stats !== undefined)).toBe(true);
    await plain.server.close();
    const harness = await start({ groupStats: { absent: 'all' } });
    const groups = await harness.getJson<OktaGroup[]>('/api/v1/groups?limit=200&expand=stats');
    expect(groups).toHaveLength(real.length);
    expect(groups.filter((group) => group._embedded?.stats !== undefined)).toEqual([]);
  });

  it('absent for some ids and wrong for others: only those groups change, a single-group read too', async () => {
    const plain = await start({});
    const real = await plain.getJson<OktaGroup[]>('/api/v1/groups?limit=200&expand=stats');
    await plain.server.close();
    const member = real.find((group) => (group._embedded?.stats?.usersCount ?? 0) > 0 && group.type !== 'BUILT_IN')!;
    const admin = real.find((group) => group._embedded?.stats?.hasAdminPrivlege && group.id !== member.id)!;
    const untouched = real.find((group) => group.id !== member.id && group.id !== admin.id)!;
    const harness = await start({ groupStats: { absent: [member.id], wrong: [admin.id] } });
    const groups = await harness.getJson<OktaGroup[]>('/api/v1/groups?limit=200&expand=stats');
    expect(statsOf(groups, member.id)).toBeUndefined();
    expect(statsOf(groups, admin.id)).toMatchObject({ usersCount: 0, hasAdminPrivlege: false });
    expect(statsOf(groups, untouched.id)).toEqual(untouched._embedded!.stats);
    const single = await harness.getJson<OktaGroup>(`/api/v1/groups/${member.id}?expand=stats`);
    expect(single._embedded?.stats).toBeUndefined();
  });
});
