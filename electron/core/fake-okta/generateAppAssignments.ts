// Assigns users (scope USER) and groups (with priority) to the fake org's apps.
import type { OktaGroup, OktaUser } from '../../../shared/okta/types';
import type { PlannedApp } from './generateApps';
import { compareIds } from './ids';
import { PositionSampler } from './positionSampler';
import type { SeededRandom } from './random';

export interface DirectAppAssignment {
  userId: string;
  userName: string;
}
export interface AppGroupAssignment {
  groupId: string;
  priority: number;
}

export interface GeneratedAppAssignments {
  directAppAssignments: Map<string, DirectAppAssignment[]>;
  appGroupAssignments: Map<string, AppGroupAssignment[]>;
}

/** Mean share of eligible users assigned directly to an app. */
const DIRECT_SHARE_MEAN = 0.03;
/** How many apps get a user who holds the app both directly and through a group. */
const OVERLAP_APPS = 2;

/** The app-side username: usually the Okta login, sometimes a short name (custom per-app credentials). */
function appUserName(user: OktaUser, isDirectory: boolean, random: SeededRandom): string {
  const local = user.profile.login.split('@')[0] ?? user.profile.login;
  if (isDirectory) return `CORP\\${local}`.slice(0, 100);
  return random.chance(0.1) ? local : user.profile.login;
}

function pickGroups(
  app: PlannedApp,
  everyoneId: string | null,
  candidates: readonly string[],
  everyoneTaken: boolean,
  random: SeededRandom,
): AppGroupAssignment[] {
  const chosen = new Set<string>();
  if (everyoneId && !everyoneTaken && app.app.name === 'bookmark') chosen.add(everyoneId);
  const wanted = random.weighted<number>([
    [0, 30],
    [1, 35],
    [2, 25],
    [3, 10],
  ]);
  for (let tries = 0; chosen.size < wanted && tries < wanted * 4 && candidates.length > 0; tries++) {
    chosen.add(random.pick(candidates));
  }
  const priorities = random.shuffled([...chosen].map((_, i) => i));
  return [...chosen]
    .map((groupId, i) => ({ groupId, priority: priorities[i] as number }))
    .sort((a, b) => compareIds(a.groupId, b.groupId));
}

/** `users` sorted by id; `planned` in creation order. DEPROVISIONED users are never assigned. */
export function generateAppAssignments(
  planned: readonly PlannedApp[],
  users: readonly OktaUser[],
  groups: readonly OktaGroup[],
  groupMembers: ReadonlyMap<string, string[]>,
  random: SeededRandom,
): GeneratedAppAssignments {
  const eligible: number[] = [];
  users.forEach((user, index) => user.status !== 'DEPROVISIONED' && eligible.push(index));
  const sampler = new PositionSampler(eligible, random.fork('direct'));
  const everyone = groups.find((g) => g.type === 'BUILT_IN');
  const candidateGroups = groups.filter((g) => g.type !== 'BUILT_IN').map((g) => g.id);
  const directAppAssignments = new Map<string, DirectAppAssignment[]>();
  const appGroupAssignments = new Map<string, AppGroupAssignment[]>();
  let everyoneTaken = false;
  let overlapsLeft = OVERLAP_APPS;
  for (const entry of planned) {
    const appId = entry.app.id;
    if (entry.unassigned) {
      directAppAssignments.set(appId, []);
      appGroupAssignments.set(appId, []);
      continue;
    }
    const assignedGroups: AppGroupAssignment[] = entry.isDirectory
      ? []
      : pickGroups(entry, everyone?.id ?? null, candidateGroups, everyoneTaken, random);
    everyoneTaken ||= assignedGroups.some((a) => a.groupId === everyone?.id);
    const direct = directAssignments(entry, users, sampler, random);
    // Guarantee the "assigned directly and through a group" case (AppUser scope must still be USER).
    if (overlapsLeft > 0 && addOverlapUser(direct, assignedGroups, groupMembers, users)) overlapsLeft--;
    directAppAssignments.set(appId, direct);
    appGroupAssignments.set(appId, assignedGroups);
  }
  const byId = <T>(map: Map<string, T>) => new Map([...map].sort(([a], [b]) => compareIds(a, b)));
  return { directAppAssignments: byId(directAppAssignments), appGroupAssignments: byId(appGroupAssignments) };
}

/** The users assigned the app directly: every active-directory user of a directory app, else a random share. */
function directAssignments(
  entry: PlannedApp,
  users: readonly OktaUser[],
  sampler: PositionSampler,
  random: SeededRandom,
): DirectAppAssignment[] {
  const positions = entry.isDirectory
    ? users.flatMap((u, i) =>
        (u.credentials?.provider as { type?: string } | undefined)?.type === 'ACTIVE_DIRECTORY' &&
        u.status !== 'DEPROVISIONED'
          ? [i]
          : [],
      )
    : Array.from(sampler.sample(Math.min(sampler.size * 0.6, random.exponential(sampler.size * DIRECT_SHARE_MEAN))));
  // Positions ascend and users are sorted by id, so `direct` comes out sorted by userId.
  return Array.from(positions, (position) => {
    const user = users[position] as OktaUser;
    return { userId: user.id, userName: appUserName(user, entry.isDirectory, random) };
  });
}

/**
 * Makes the first member of the app's first non-empty group a direct assignee too (kept sorted by userId); false
 * when no assigned group has members.
 */
function addOverlapUser(
  direct: DirectAppAssignment[],
  assignedGroups: readonly AppGroupAssignment[],
  groupMembers: ReadonlyMap<string, string[]>,
  users: readonly OktaUser[],
): boolean {
  const overlapGroup = assignedGroups
    .map((a) => groupMembers.get(a.groupId) ?? [])
    .find((members) => members.length > 0);
  const overlapUser = overlapGroup ? users.find((u) => u.id === overlapGroup[0]) : undefined;
  if (!overlapUser) return false;
  if (!direct.some((d) => d.userId === overlapUser.id)) {
    direct.push({ userId: overlapUser.id, userName: overlapUser.profile.login });
    direct.sort((a, b) => compareIds(a.userId, b.userId));
  }
  return true;
}
