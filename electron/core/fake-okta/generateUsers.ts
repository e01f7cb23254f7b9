// Generates the fake org's users: every Okta status, realistic profiles, a manager tree and hard-string display names.
import type { OktaUser, OktaUserProfile, UserStatus } from '../../../shared/okta/types';
import { FAKE_NOW_MS, FAKE_ORG_CREATED_MS, daysMs, oktaTimestamp, randomInstant } from './fakeClock';
import { HARD_DISPLAY_NAMES, HARD_STRING_MIN_USERS, type HardPersonName } from './hardStrings';
import { ID_PREFIX, compareIds, type OktaIdFactory } from './ids';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LOCATIONS, TITLE_LEVELS, TITLE_ROLES } from './profileVocabulary';
import type { SeededRandom } from './random';

export const EMAIL_DOMAIN = 'example.com';
export const AD_DOMAIN = 'corp.example.com';

/** Status mix for users that are not forced to a status (ACTIVE majority, as in real orgs). */
const STATUS_WEIGHTS: readonly (readonly [UserStatus, number])[] = [
  ['ACTIVE', 80],
  ['DEPROVISIONED', 6],
  ['SUSPENDED', 3],
  ['STAGED', 3],
  ['PROVISIONED', 3],
  ['PASSWORD_EXPIRED', 2],
  ['RECOVERY', 1.5],
  ['LOCKED_OUT', 1.5],
];

/** From HARD_STRING_MIN_USERS on, these indices get each non-ACTIVE status so every status is present. */
const FORCED_STATUSES: readonly UserStatus[] = [
  'DEPROVISIONED',
  'SUSPENDED',
  'STAGED',
  'PROVISIONED',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
];
const FIRST_HARD_NAME_INDEX = 1 + FORCED_STATUSES.length;
/** Service accounts with neither first/last name nor display name: consumers must fall back to login. */
const NAMELESS_ACCOUNTS = ['svc-backup', 'svc-scim-bridge'];

interface UserPlan {
  status: UserStatus;
  hardName?: HardPersonName;
  serviceAccount?: string;
}

function planUser(index: number, userCount: number, random: SeededRandom): UserPlan {
  if (index === 0) return { status: 'ACTIVE' }; // the org's first admin
  if (userCount >= HARD_STRING_MIN_USERS) {
    const forced = FORCED_STATUSES[index - 1];
    if (forced) return { status: forced };
    const hardName = HARD_DISPLAY_NAMES[index - FIRST_HARD_NAME_INDEX];
    if (hardName) return { status: 'ACTIVE', hardName };
    const serviceAccount = NAMELESS_ACCOUNTS[index - FIRST_HARD_NAME_INDEX - HARD_DISPLAY_NAMES.length];
    if (serviceAccount) return { status: 'ACTIVE', serviceAccount };
  }
  return { status: random.weighted(STATUS_WEIGHTS) };
}

const loginPartCache = new Map<string, string>();

/** ASCII local part for a login: "José García" -> "jose.garcia". Cached: names repeat across 100k users. */
function loginPart(text: string): string {
  let part = loginPartCache.get(text);
  if (part === undefined) {
    part = asciiLoginPart(text);
    loginPartCache.set(text, part);
  }
  return part;
}

function asciiLoginPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

class LoginRegistry {
  private readonly used = new Set<string>();
  /** Next numeric suffix per base: without it, 100k users over ~3k name pairs would rescan O(n) suffixes. */
  private readonly nextSuffix = new Map<string, number>();

  claim(localPart: string, domain: string): string {
    const base = `${localPart || 'user'}@${domain}`;
    let n = this.nextSuffix.get(base) ?? 1;
    let candidate = n === 1 ? base : base.replace('@', `${n}@`);
    while (this.used.has(candidate)) {
      n++;
      candidate = base.replace('@', `${n}@`);
    }
    this.nextSuffix.set(base, n + 1);
    this.used.add(candidate);
    return candidate;
  }
}

interface UserTimestamps {
  created: number;
  activated: number | null;
  statusChanged: number | null;
  lastLogin: number | null;
  passwordChanged: number | null;
  lastUpdated: number;
}

function userTimestamps(status: UserStatus, fromDirectory: boolean, random: SeededRandom): UserTimestamps {
  const created = randomInstant(random, FAKE_ORG_CREATED_MS, FAKE_NOW_MS - daysMs(20));
  const neverActivated = status === 'STAGED';
  const activated = neverActivated ? null : randomInstant(random, created, created + daysMs(3));
  const since = activated ?? created;
  const statusChanged =
    status === 'ACTIVE' ? (random.chance(0.3) ? null : activated) : randomInstant(random, since, FAKE_NOW_MS);
  const noLogin = status === 'STAGED' || status === 'PROVISIONED' || random.chance(0.08);
  const lastLogin = noLogin ? null : randomInstant(random, since, FAKE_NOW_MS);
  const noPassword = status === 'STAGED' || status === 'PROVISIONED' || fromDirectory || random.chance(0.05);
  const passwordChanged = noPassword ? null : randomInstant(random, since, FAKE_NOW_MS);
  const latest = Math.max(created, activated ?? 0, statusChanged ?? 0, passwordChanged ?? 0);
  const lastUpdated = randomInstant(random, latest, Math.min(FAKE_NOW_MS, latest + daysMs(90)));
  return { created, activated, statusChanged, lastLogin, passwordChanged, lastUpdated };
}

const iso = (ms: number | null): string | null => (ms === null ? null : oktaTimestamp(ms));

function buildProfile(
  plan: UserPlan,
  index: number,
  managerId: string | null,
  logins: LoginRegistry,
  random: SeededRandom,
): OktaUserProfile {
  const job = randomJob(random); // drawn for service accounts too, so every user consumes the same draws
  if (plan.serviceAccount) {
    const login = logins.claim(`${plan.serviceAccount}-${String(index).padStart(2, '0')}`, EMAIL_DOMAIN);
    return { login, email: login, firstName: null, lastName: null, title: null, userType: 'Service', managerId: null };
  }
  return personProfile(plan, index, managerId, logins, random, job);
}

type Job = ReturnType<typeof randomJob>;

function randomJob(random: SeededRandom) {
  const location = random.pick(LOCATIONS);
  const department = random.pick(DEPARTMENTS);
  const userType = random.weighted<string | null>([
    ['Employee', 80],
    ['Contractor', 14],
    ['Intern', 4],
    [null, 2],
  ]);
  const title = random.chance(0.9)
    ? `${random.pick(TITLE_LEVELS)} ${random.pick(TITLE_ROLES[department] ?? ['Analyst'])}`
    : null;
  return { location, department, userType, title };
}

function personProfile(
  plan: UserPlan,
  index: number,
  managerId: string | null,
  logins: LoginRegistry,
  random: SeededRandom,
  { location, department, userType, title }: Job,
): OktaUserProfile {
  const firstName = plan.hardName?.firstName ?? random.pick(FIRST_NAMES);
  const lastName = plan.hardName?.lastName ?? random.pick(LAST_NAMES);
  const local = `${loginPart(firstName)}.${loginPart(lastName)}`.replace(/^\.|\.$/g, '') || `user${index}`;
  const login = logins.claim(local.length > 1 ? local : `user${index}`, EMAIL_DOMAIN);
  const profile: OktaUserProfile = {
    login,
    email: random.chance(0.05) ? login.replace(`@${EMAIL_DOMAIN}`, `@mail.${EMAIL_DOMAIN}`) : login,
    firstName,
    lastName,
    title,
    department,
    employeeNumber: String(100_000 + index),
    managerId,
    userType,
    city: location.city,
    countryCode: location.countryCode,
    timezone: location.timezone,
    locale: location.locale,
    mobilePhone: random.chance(0.6) ? `+1555${String(random.int(10_000_000)).padStart(7, '0')}` : null,
    secondEmail: null,
  };
  if (plan.hardName) profile.displayName = plan.hardName.displayName;
  else if (random.chance(0.85)) profile.displayName = `${firstName} ${lastName}`;
  else if (random.chance(0.5)) profile.displayName = null; // absent and null both occur in real orgs
  if (userType === 'Contractor') delete profile.employeeNumber;
  if (random.chance(0.03)) delete profile.department;
  return profile;
}

function credentialsFor(status: UserStatus, fromDirectory: boolean): Record<string, unknown> {
  if (fromDirectory) return { provider: { type: 'ACTIVE_DIRECTORY', name: AD_DOMAIN } };
  if (status === 'STAGED' || status === 'PROVISIONED') return { provider: { type: 'OKTA', name: 'OKTA' } };
  return {
    password: {},
    recovery_question: { question: 'What is the food you least liked as a child?' },
    provider: { type: 'OKTA', name: 'OKTA' },
  };
}

/** Manager of user `index`: someone generated earlier, giving a tree with a fan-out of about five. */
function managerIndexFor(index: number, random: SeededRandom): number | null {
  if (index === 0 || random.chance(0.08)) return null;
  return random.int(Math.max(1, Math.ceil(index / 5)));
}

export function generateUsers(count: number, ids: OktaIdFactory, random: SeededRandom): OktaUser[] {
  const userIds = Array.from({ length: count }, () => ids.next(ID_PREFIX.user));
  const userTypeId = ids.next(ID_PREFIX.userType);
  const logins = new LoginRegistry();
  const users: OktaUser[] = [];
  for (let index = 0; index < count; index++) {
    const plan = planUser(index, count, random);
    const managerIndex = plan.serviceAccount ? null : managerIndexFor(index, random);
    const managerId = managerIndex === null ? null : (userIds[managerIndex] ?? null);
    const fromDirectory = !plan.serviceAccount && index !== 0 && random.chance(0.2);
    const times = userTimestamps(plan.status, fromDirectory, random);
    users.push({
      id: userIds[index] as string,
      status: plan.status,
      created: oktaTimestamp(times.created),
      activated: iso(times.activated),
      statusChanged: iso(times.statusChanged),
      lastLogin: iso(times.lastLogin),
      lastUpdated: oktaTimestamp(times.lastUpdated),
      passwordChanged: iso(times.passwordChanged),
      type: { id: userTypeId },
      profile: buildProfile(plan, index, managerId, logins, random),
      credentials: credentialsFor(plan.status, fromDirectory),
    });
  }
  return users.sort((a, b) => compareIds(a.id, b.id));
}
