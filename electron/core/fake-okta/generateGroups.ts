// Generates groups (one BUILT_IN "Everyone", OKTA_GROUPs, imported AD APP_GROUPs) and their memberships.
import type { GroupType, OktaGroup, OktaUser } from '../../../shared/okta/types';
import { FAKE_NOW_MS, FAKE_ORG_CREATED_MS, oktaTimestamp, randomInstant } from './fakeClock';
import { AD_DOMAIN } from './generateUsers';
import { HARD_GROUP_PROFILES, HARD_STRING_MIN_GROUPS } from './hardStrings';
import { ID_PREFIX, compareIds, type OktaIdFactory } from './ids';
import { AD_GROUP_SUFFIXES, DEPARTMENTS, GROUP_THEMES } from './profileVocabulary';
import { PositionSampler } from './positionSampler';
import type { SeededRandom } from './random';

export interface GeneratedGroups {
  groups: OktaGroup[];
  groupMembers: Map<string, string[]>;
}

/** Groups bigger than Okta's 1000-per-page member limit appear from this many users on. */
const BIG_GROUP_MIN_USERS = 2000;
const BIG_GROUP_MIN_SIZE = 1001;
/** Average number of (non-Everyone) groups per user: ~1M memberships at 100k users / 1k groups. */
const MEMBERSHIPS_PER_USER = 8;

type GroupRole = 'everyone' | 'hard' | 'big' | 'empty' | 'ordinary';
interface GroupPlan {
  type: GroupType;
  role: GroupRole;
  hardIndex?: number;
}

function planGroups(count: number, userCount: number, random: SeededRandom): GroupPlan[] {
  const hardCount = count >= HARD_STRING_MIN_GROUPS ? HARD_GROUP_PROFILES.length : 0;
  const plans: GroupPlan[] = [{ type: 'BUILT_IN', role: 'everyone' }];
  for (let i = 1; i < count; i++) {
    const sinceHard = i - hardCount;
    if (sinceHard <= 0) plans.push({ type: 'OKTA_GROUP', role: 'hard', hardIndex: i - 1 });
    else if (sinceHard === 1 && count >= 3) plans.push({ type: 'APP_GROUP', role: 'ordinary' });
    else if (sinceHard === 2) plans.push({ type: 'OKTA_GROUP', role: 'ordinary' });
    else if (i === count - 1 && count >= HARD_STRING_MIN_GROUPS) plans.push({ type: 'OKTA_GROUP', role: 'empty' });
    else if (sinceHard <= 5 && userCount >= BIG_GROUP_MIN_USERS) plans.push({ type: 'OKTA_GROUP', role: 'big' });
    else {
      const type: GroupType = random.chance(0.2) ? 'APP_GROUP' : 'OKTA_GROUP';
      plans.push({ type, role: random.chance(0.05) ? 'empty' : 'ordinary' });
    }
  }
  return plans;
}

class GroupNamer {
  private readonly used = new Set<string>();
  claim(name: string): string {
    let candidate = name;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${name} ${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

function adProfile(name: string, random: SeededRandom): OktaGroup['profile'] {
  const rid = 1000 + random.int(90_000);
  return {
    name,
    description: `Imported from ${AD_DOMAIN}`,
    groupType: 'Security',
    groupScope: random.pick(['Global', 'Universal', 'DomainLocal']),
    samAccountName: name,
    dn: `CN=${name},OU=Groups,DC=corp,DC=example,DC=com`,
    windowsDomainQualifiedName: `CORP\\${name}`,
    externalId: Buffer.from(`${name}:${rid}`).toString('base64'),
    objectSid: `S-1-5-21-717838489-685202119-709183397-${rid}`,
  };
}

function profileFor(plan: GroupPlan, namer: GroupNamer, random: SeededRandom): OktaGroup['profile'] {
  if (plan.role === 'everyone') return { name: 'Everyone', description: 'All users in your organization' };
  const hard = plan.hardIndex === undefined ? undefined : HARD_GROUP_PROFILES[plan.hardIndex];
  if (hard) return { name: namer.claim(hard.name), description: hard.description };
  const department = random.pick(DEPARTMENTS);
  if (plan.type === 'APP_GROUP') {
    return adProfile(namer.claim(`CORP-${department.replace(/\s+/g, '')}-${random.pick(AD_GROUP_SUFFIXES)}`), random);
  }
  const name = namer.claim(
    plan.role === 'big' ? `${department} All Staff` : `${department} ${random.pick(GROUP_THEMES)}`,
  );
  // No description: the key is left out (the spec types it as a non-nullable string).
  return random.chance(0.7) ? { name, description: `${name}, managed by ${department}` } : { name };
}

function memberCount(plan: GroupPlan, eligible: number, groupCount: number, random: SeededRandom): number {
  if (plan.role === 'empty') return 0;
  if (plan.role === 'big')
    return Math.min(eligible, Math.max(BIG_GROUP_MIN_SIZE, Math.round(eligible * (0.25 + random.next() * 0.35))));
  const mean = Math.max(3, Math.min(eligible * 0.2, (eligible * MEMBERSHIPS_PER_USER) / Math.max(1, groupCount - 1)));
  return Math.min(eligible, Math.max(1, Math.round(random.exponential(mean))));
}

/** The group's JSON; `memberCount` decides whether its membership ever changed after it was created. */
function buildGroup(
  plan: GroupPlan,
  memberCount: number,
  ids: OktaIdFactory,
  namer: GroupNamer,
  random: SeededRandom,
): OktaGroup {
  const created =
    plan.role === 'everyone' ? FAKE_ORG_CREATED_MS : randomInstant(random, FAKE_ORG_CREATED_MS, FAKE_NOW_MS);
  const lastMembershipUpdated = memberCount === 0 ? created : randomInstant(random, created, FAKE_NOW_MS);
  return {
    id: ids.next(ID_PREFIX.group),
    type: plan.type,
    created: oktaTimestamp(created),
    lastUpdated: oktaTimestamp(randomInstant(random, created, FAKE_NOW_MS)),
    lastMembershipUpdated: oktaTimestamp(lastMembershipUpdated),
    objectClass: [plan.type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
    profile: profileFor(plan, namer, random),
  };
}

/**
 * `users` must be sorted by id. DEPROVISIONED users are in no group (Okta removes them from
 * Everyone; the fake keeps the rule simple and applies it to every group).
 */
export function generateGroups(
  count: number,
  users: readonly OktaUser[],
  sourceAppId: string | null,
  ids: OktaIdFactory,
  random: SeededRandom,
): GeneratedGroups {
  const eligible: number[] = [];
  users.forEach((user, index) => user.status !== 'DEPROVISIONED' && eligible.push(index));
  const sampler = new PositionSampler(eligible, random.fork('members'));
  const namer = new GroupNamer();
  const groups: OktaGroup[] = [];
  const groupMembers = new Map<string, string[]>();
  for (const plan of planGroups(Math.max(1, count), users.length, random)) {
    const positions =
      plan.role === 'everyone'
        ? Int32Array.from(eligible)
        : sampler.sample(memberCount(plan, sampler.size, count, random));
    const group = buildGroup(plan, positions.length, ids, namer, random);
    // Origin-relative on purpose: the server makes model links absolute from the request's Host.
    if (plan.type === 'APP_GROUP' && sourceAppId) group._links = { source: { href: `/api/v1/apps/${sourceAppId}` } };
    groups.push(group);
    groupMembers.set(
      group.id,
      Array.from(positions, (position) => (users[position] as OktaUser).id),
    );
  }
  groups.sort((a, b) => compareIds(a.id, b.id));
  return { groups, groupMembers: new Map([...groupMembers].sort(([a], [b]) => compareIds(a, b))) };
}
