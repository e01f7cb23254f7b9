// The generated org: deterministic, complete (every status, group type, app state, role kind) and full of hard strings.
import { describe, expect, it } from 'vitest';
import { USER_STATUSES } from '../../../shared/okta/types';
import { FAKE_NOW_MS } from '../../../electron/core/fake-okta/fakeClock';
import { generateOrg, type FakeOrg } from '../../../electron/core/fake-okta/generateOrg';
import { SAMPLE_ORG_OPTIONS, generateSampleOrg } from '../../../electron/core/fake-okta/sampleOrg';

const OPTIONS = { seed: 'generate-org-test', users: 400, groups: 45, apps: 24 };
const org = generateOrg(OPTIONS);

const sortedCopy = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

/** Each kind of hard string the brief lists, as a detector. */
const HARD_STRING_KINDS: Record<string, (text: string) => boolean> = {
  comma: (t) => t.includes(','),
  doubleQuote: (t) => t.includes('"'),
  lf: (t) => /(^|[^\r])\n/.test(t),
  crlf: (t) => t.includes('\r\n'),
  cjk: (t) => /\p{Script=Han}/u.test(t),
  arabic: (t) => /\p{Script=Arabic}/u.test(t),
  cyrillic: (t) => /\p{Script=Cyrillic}/u.test(t),
  devanagari: (t) => /\p{Script=Devanagari}/u.test(t),
  emoji: (t) => /\p{Extended_Pictographic}/u.test(t),
  zwjEmoji: (t) => /\p{Extended_Pictographic}\u200D\p{Extended_Pictographic}/u.test(t),
  leadingEquals: (t) => t.startsWith('='),
  leadingPlus: (t) => t.startsWith('+'),
  leadingMinus: (t) => t.startsWith('-'),
  leadingAt: (t) => t.startsWith('@'),
  tab: (t) => t.includes('\t'),
};

function missingKinds(texts: string[]): string[] {
  return Object.entries(HARD_STRING_KINDS)
    .filter(([, detect]) => !texts.some(detect))
    .map(([kind]) => kind);
}

function allIds(o: FakeOrg): string[] {
  const ids = [...o.users, ...o.groups, ...o.apps, ...o.customRoles].map((x) => x.id);
  for (const list of [...o.userRoleAssignments.values(), ...o.groupRoleAssignments.values()])
    ids.push(...list.map((a) => a.id));
  for (const list of o.factors.values()) ids.push(...list.map((f) => f.id));
  return ids;
}

describe('generateOrg determinism', () => {
  it('gives a deep-equal org for the same options', () => {
    expect(generateOrg(OPTIONS)).toEqual(org);
  });

  it('gives a different org for a different seed', () => {
    const other = generateOrg({ ...OPTIONS, seed: 'another-seed' });
    expect(other.users.map((u) => u.id)).not.toEqual(org.users.map((u) => u.id));
    expect(other.users.map((u) => u.profile.login)).not.toEqual(org.users.map((u) => u.profile.login));
  });

  it('accepts numeric seeds', () => {
    expect(generateOrg({ seed: 7, users: 60, groups: 12, apps: 6 })).toEqual(
      generateOrg({ seed: 7, users: 60, groups: 12, apps: 6 }),
    );
  });

  it('changes nothing but factors when includeFactors is false', () => {
    const without = generateOrg({ ...OPTIONS, includeFactors: false });
    expect(without.factors.size).toBe(0);
    expect({ ...without, factors: null }).toEqual({ ...org, factors: null });
  });
});

describe('generateOrg ids and ordering', () => {
  it('uses 20-character Okta-style ids with the right prefixes, all unique', () => {
    const ids = allIds(org);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{20}$/);
    expect(org.users.every((u) => u.id.startsWith('00u'))).toBe(true);
    expect(org.groups.every((g) => g.id.startsWith('00g'))).toBe(true);
    expect(org.apps.every((a) => a.id.startsWith('0oa'))).toBe(true);
    expect(org.customRoles.every((r) => r.id.startsWith('cr0'))).toBe(true);
  });

  it('sorts every list by id and every member list too', () => {
    for (const list of [org.users, org.groups, org.apps, org.customRoles]) {
      expect(list.map((x) => x.id)).toEqual(sortedCopy(list.map((x) => x.id)));
    }
    for (const members of org.groupMembers.values()) expect(members).toEqual(sortedCopy(members));
    for (const direct of org.directAppAssignments.values())
      expect(direct.map((d) => d.userId)).toEqual(sortedCopy(direct.map((d) => d.userId)));
  });
});

describe('generateOrg users', () => {
  it('has every status, ACTIVE the majority', () => {
    const counts = new Map<string, number>();
    for (const user of org.users) counts.set(user.status, (counts.get(user.status) ?? 0) + 1);
    for (const status of USER_STATUSES) expect(counts.get(status) ?? 0, status).toBeGreaterThan(0);
    expect(counts.get('ACTIVE')!).toBeGreaterThan(org.users.length / 2);
  });

  it('has realistic profiles with unique email-like logins and managers inside the org', () => {
    const ids = new Set(org.users.map((u) => u.id));
    const logins = org.users.map((u) => u.profile.login);
    expect(new Set(logins).size).toBe(logins.length);
    for (const user of org.users) {
      expect(user.profile.login).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      for (const stamp of [user.created, user.lastUpdated]) expect(stamp).toMatch(ISO);
      for (const stamp of [user.activated, user.lastLogin, user.passwordChanged, user.statusChanged])
        expect(stamp === null || ISO.test(stamp), String(stamp)).toBe(true);
      expect(Date.parse(user.lastUpdated)).toBeLessThanOrEqual(FAKE_NOW_MS);
      expect(Date.parse(user.lastUpdated)).toBeGreaterThanOrEqual(Date.parse(user.created));
    }
    const managed = org.users.filter((u) => u.profile.managerId);
    expect(managed.length).toBeGreaterThan(0);
    for (const user of managed) {
      expect(ids.has(user.profile.managerId!)).toBe(true);
      expect(user.profile.managerId).not.toBe(user.id);
    }
    expect(
      org.users.some((u) => u.profile.title && u.profile.department && u.profile.employeeNumber && u.profile.userType),
    ).toBe(true);
  });

  it('leaves out displayName for some users, and first/last name too for a few', () => {
    expect(org.users.some((u) => !u.profile.displayName && u.profile.firstName && u.profile.lastName)).toBe(true);
    expect(org.users.some((u) => !u.profile.displayName && !u.profile.firstName && !u.profile.lastName)).toBe(true);
  });

  it('has null lastLogin / passwordChanged / activated for some users', () => {
    expect(org.users.some((u) => u.lastLogin === null)).toBe(true);
    expect(org.users.some((u) => u.passwordChanged === null)).toBe(true);
    expect(org.users.some((u) => u.activated === null)).toBe(true);
    expect(org.users.filter((u) => u.status === 'STAGED').every((u) => u.activated === null)).toBe(true);
  });
});

describe('generateOrg groups', () => {
  it('has all three types and exactly one BUILT_IN Everyone holding every non-DEPROVISIONED user', () => {
    const builtIn = org.groups.filter((g) => g.type === 'BUILT_IN');
    expect(builtIn).toHaveLength(1);
    expect(builtIn[0]!.profile.name).toBe('Everyone');
    expect(org.groups.filter((g) => g.profile.name === 'Everyone')).toHaveLength(1);
    expect(org.groupMembers.get(builtIn[0]!.id)).toEqual(
      org.users.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id),
    );
    const appGroups = org.groups.filter((g) => g.type === 'APP_GROUP');
    expect(appGroups.length).toBeGreaterThan(0);
    expect(appGroups.every((g) => g.objectClass.includes('okta:windows_security_principal'))).toBe(true);
    expect(org.groups.some((g) => g.type === 'OKTA_GROUP')).toBe(true);
  });

  it('has empty groups, varied sizes, unique names and lastMembershipUpdated on every group', () => {
    const sizes = org.groups.map((g) => org.groupMembers.get(g.id)?.length ?? -1);
    expect(sizes.every((n) => n >= 0)).toBe(true);
    expect(sizes.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(new Set(sizes).size).toBeGreaterThan(10);
    expect(new Set(org.groups.map((g) => g.profile.name)).size).toBe(org.groups.length);
    for (const group of org.groups) expect(group.lastMembershipUpdated).toMatch(ISO);
    const userIds = new Set(org.users.map((u) => u.id));
    for (const members of org.groupMembers.values()) expect(members.every((id) => userIds.has(id))).toBe(true);
  });

  it('has groups over 1000 members once the org has 2000+ users', () => {
    const big = generateOrg({ seed: 'big', users: 2500, groups: 30, apps: 5 });
    const everyone = big.groups.find((g) => g.type === 'BUILT_IN')!;
    const large = big.groups.filter((g) => g.id !== everyone.id && (big.groupMembers.get(g.id)?.length ?? 0) > 1000);
    expect(large.length).toBeGreaterThanOrEqual(2);
  });
});

describe('generateOrg apps and assignments', () => {
  it('mixes signOnModes, has INACTIVE apps and apps with no assignment at all', () => {
    expect(new Set(org.apps.map((a) => a.signOnMode)).size).toBeGreaterThanOrEqual(5);
    const inactive = org.apps.filter((a) => a.status === 'INACTIVE');
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.length).toBeLessThan(org.apps.length / 2);
    const unassigned = org.apps.filter(
      (a) =>
        (org.directAppAssignments.get(a.id)?.length ?? 0) === 0 &&
        (org.appGroupAssignments.get(a.id)?.length ?? 0) === 0,
    );
    expect(unassigned.length).toBeGreaterThan(0);
    expect(org.apps.every((a) => org.directAppAssignments.has(a.id) && org.appGroupAssignments.has(a.id))).toBe(true);
  });

  it('assigns users directly and groups with priorities, with some users holding an app both ways', () => {
    const everyUserId = new Set(org.users.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id));
    let overlap = 0;
    for (const app of org.apps) {
      const direct = org.directAppAssignments.get(app.id)!;
      const groups = org.appGroupAssignments.get(app.id)!;
      expect(direct.every((d) => everyUserId.has(d.userId) && d.userName.length > 0)).toBe(true);
      expect(groups.map((g) => g.priority).sort()).toEqual(groups.map((_, i) => i));
      const viaGroups = new Set(groups.flatMap((g) => org.groupMembers.get(g.groupId) ?? []));
      overlap += direct.filter((d) => viaGroups.has(d.userId)).length;
    }
    expect(overlap).toBeGreaterThan(0);
    expect([...org.appGroupAssignments.values()].some((list) => list.length > 0)).toBe(true);
  });
});

describe('generateOrg roles and factors', () => {
  it('has standard roles and a custom role, each held by users and by groups', () => {
    const userRoles = [...org.userRoleAssignments.values()].flat();
    const groupRoles = [...org.groupRoleAssignments.values()].flat();
    expect(org.customRoles.length).toBeGreaterThan(0);
    const customIds = new Set(org.customRoles.map((r) => r.id));
    for (const roles of [userRoles, groupRoles]) {
      expect(roles.some((r) => r.type === 'CUSTOM' && customIds.has(r.role!) && r['resource-set'])).toBe(true);
      expect(roles.some((r) => r.type !== 'CUSTOM')).toBe(true);
    }
    expect(userRoles.some((r) => r.type === 'SUPER_ADMIN')).toBe(true);
    expect(userRoles.every((r) => r.assignmentType === 'USER')).toBe(true);
    expect(groupRoles.every((r) => r.assignmentType === 'GROUP')).toBe(true);
    const everyone = org.groups.find((g) => g.type === 'BUILT_IN')!;
    expect(org.groupRoleAssignments.has(everyone.id)).toBe(false);
  });

  it('enrols 0..3 factors of several types per user', () => {
    const lists = [...org.factors.values()];
    expect(lists.every((list) => list.length >= 1 && list.length <= 3)).toBe(true);
    expect(new Set(lists.flat().map((f) => f.factorType)).size).toBeGreaterThanOrEqual(5);
    expect(org.factors.size).toBeLessThan(org.users.length);
  });
});

describe('generateOrg hard strings', () => {
  it('puts every kind of hard string in user display names, one of them ~2000 characters', () => {
    const names = org.users.map((u) => u.profile.displayName).filter((n): n is string => typeof n === 'string');
    expect(missingKinds(names)).toEqual([]);
    expect(names.some((n) => n.length >= 1900 && n.length <= 2100)).toBe(true);
  });

  it('puts every kind in group names/descriptions, one description over 33,000 characters', () => {
    const texts = org.groups
      .flatMap((g) => [g.profile.name, g.profile.description])
      .filter((t): t is string => typeof t === 'string');
    expect(missingKinds(texts)).toEqual([]);
    expect(missingKinds(org.groups.map((g) => g.profile.name))).toEqual([]);
    expect(org.groups.some((g) => (g.profile.description?.length ?? 0) >= 33_000)).toBe(true);
  });

  it('puts every kind in app labels, even with only five apps', () => {
    expect(missingKinds(org.apps.map((a) => a.label))).toEqual([]);
    const tiny = generateOrg({ seed: 'tiny', users: 50, groups: 10, apps: 5 });
    expect(missingKinds(tiny.apps.map((a) => a.label))).toEqual([]);
    expect(missingKinds(tiny.groups.map((g) => g.profile.name))).toEqual([]);
    expect(missingKinds(tiny.users.map((u) => u.profile.displayName ?? ''))).toEqual([]);
    for (const status of USER_STATUSES)
      expect(
        tiny.users.some((u) => u.status === status),
        status,
      ).toBe(true);
  });
});

describe('generateOrg sizes', () => {
  it('handles tiny and empty orgs', () => {
    const empty = generateOrg({ seed: 'empty', users: 0, groups: 0, apps: 0 });
    expect(empty.users).toEqual([]);
    expect(empty.groups.map((g) => g.profile.name)).toEqual(['Everyone']);
    expect(empty.apps).toEqual([]);
    const small = generateOrg({ seed: 'small', users: 5, groups: 2, apps: 1 });
    expect(small.users).toHaveLength(5);
    expect(small.groups).toHaveLength(2);
    expect(small.apps).toHaveLength(1);
    expect(() => generateOrg({ seed: 'bad', users: -1, groups: 1, apps: 1 })).toThrow(RangeError);
  });

  it('generates 10,000 users / 1,000 groups / 200 apps quickly', () => {
    const started = performance.now();
    const large = generateOrg({ seed: 'speed', users: 10_000, groups: 1000, apps: 200 });
    const elapsed = performance.now() - started;
    console.info(`generateOrg 10k/1k/200: ${elapsed.toFixed(0)} ms`); // informational only: no timing assert
    expect(large.users).toHaveLength(10_000);
    expect(large.groups).toHaveLength(1000);
    expect(large.apps).toHaveLength(200);
  });

  it('provides a fixed sample org of about 300 users, 40 groups and 20 apps', () => {
    expect(SAMPLE_ORG_OPTIONS).toMatchObject({ users: 300, groups: 40, apps: 20 });
    const sample = generateSampleOrg();
    expect(sample).toEqual(generateOrg(SAMPLE_ORG_OPTIONS));
    expect(sample.users).toHaveLength(300);
  });
});
