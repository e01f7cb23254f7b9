// Permission preflight: one cheap request per object kind, before any long pull, reporting what the credentials can
// read, what a missing permission costs the export, and an estimate of the requests and time a full pull needs.
import type { PreflightCheck, PreflightReport } from '../../../shared/service/types';
import type { OktaGroup, OktaApp, OktaUser } from '../../../shared/okta/types';
import type { OktaClient } from '../okta/oktaClient';
import { OktaError } from '../okta/oktaErrors';
import { estimatePull } from './pullEstimate';
import { cannotConnect, unreachableReport } from './preflightReach';
import { hasUsableId } from '../store/fallbackRules';

export const CONSEQUENCES: Record<string, string> = {
  users: 'no identities at all: nothing useful can be exported',
  groups: 'no groups, so no memberships and no group-granted access',
  'group members':
    'access granted through groups is not connected to users; only apps assigned directly to a user appear ' +
    'for that user (grant "manage group membership")',
  apps: 'no apps and no app assignments',
  'app assignments': 'apps appear without who can use them',
  'admin roles': 'admin roles are missing: privileged access is invisible',
  factors: 'MFA enrolment is not recorded (only needed with factors included)',
};

const MAX_LISTING_PAGES = 25;

async function listAll<T>(client: OktaClient, firstUrl: string, what: string): Promise<T[]> {
  const items: T[] = [];
  let url: string | undefined = firstUrl;
  for (let page = 0; url && page < MAX_LISTING_PAGES; page++) {
    const result: { items: T[]; nextUrl?: string } = await client.getPage<T>(url, what);
    // a null or id-less item cannot be checked further (the pull says so)
    items.push(...result.items.filter(hasUsableId));
    url = result.nextUrl;
  }
  return items;
}

/** Runs one probe and records whether its kind is readable; `emptyMeans` says why an answer that came is not. */
type Check = <T>(
  objectKind: string,
  probe: () => Promise<T>,
  emptyMeans?: (value: T) => string | undefined,
) => Promise<T | undefined>;

/** A Check that appends to `checks`; a refused sign-in (auth) ends the whole preflight instead. */
function checkingInto(checks: PreflightCheck[]): Check {
  return async (objectKind, probe, emptyMeans) => {
    try {
      const value = await probe();
      const suspicious = emptyMeans?.(value);
      checks.push(
        suspicious
          ? { objectKind, readable: false, consequence: CONSEQUENCES[objectKind]!, detail: suspicious }
          : { objectKind, readable: true, consequence: '', detail: 'readable' },
      );
      return value;
    } catch (error) {
      if (error instanceof OktaError && error.kind === 'auth') throw error;
      checks.push({
        objectKind,
        readable: false,
        consequence: CONSEQUENCES[objectKind]!,
        detail: (error as Error).message,
      });
      return undefined;
    }
  };
}

export async function runPreflight(client: OktaClient): Promise<PreflightReport> {
  const checks: PreflightCheck[] = [];
  const check = checkingInto(checks);
  // The first request also tells whether the org can be reached at all: if not, nothing else is tried.
  const firstUsers = await settle(client.getPage<OktaUser>('/api/v1/users?limit=1', 'users'));
  if ('error' in firstUsers && cannotConnect(firstUsers.error))
    return unreachableReport(client.orgUrl, firstUsers.error as OktaError, Object.keys(CONSEQUENCES));
  const users = await check('users', async () =>
    'error' in firstUsers ? Promise.reject(firstUsers.error) : firstUsers.value,
  );
  const groups = await check('groups', () =>
    listAll<OktaGroup>(client, '/api/v1/groups?limit=200&expand=stats', 'groups'),
  );
  const everyone = groups?.find((group) => group.type === 'BUILT_IN');
  const everyoneCount = everyone?._embedded?.stats?.usersCount ?? 0;
  if (users && users.items.length === 0 && everyoneCount > 0) {
    const entry = checks.find((c) => c.objectKind === 'users')!;
    Object.assign(entry, {
      readable: false,
      consequence: CONSEQUENCES.users,
      detail:
        `Okta listed no users although Everyone has ${everyoneCount}: the credentials have no admin role that ` +
        `can view users`,
    });
  }
  await checkGroupMembers(client, check, groups);
  const apps = await check('apps', () => listAll<OktaApp>(client, '/api/v1/apps?limit=200', 'apps'));
  await checkAssignmentsRolesAndFactors(client, check, apps?.[0], users?.items[0]);
  const buckets = client.governor.snapshot();
  return {
    orgUrl: client.orgUrl,
    ok: checks.every((entry) => entry.readable || entry.objectKind === 'factors'),
    checks,
    estimate:
      groups && apps
        ? estimatePull({ users: everyoneCount, groups, apps: apps.length, buckets, share: client.governor.share })
        : undefined,
  };
}

async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** One page of the members of a group Okta counts members in: an empty page means they cannot be listed. */
async function checkGroupMembers(client: OktaClient, check: Check, groups: OktaGroup[] | undefined): Promise<void> {
  const nonEmpty = groups?.find((group) => (group._embedded?.stats?.usersCount ?? 0) > 0);
  if (!nonEmpty) return;
  const expected = nonEmpty._embedded?.stats?.usersCount ?? 0;
  await check(
    'group members',
    () => client.getPage<OktaUser>(`/api/v1/groups/${encodeURIComponent(nonEmpty.id)}/users?limit=1`, 'group members'),
    (page) =>
      page.items.length === 0
        ? `Okta listed no members of "${nonEmpty.profile.name}" although it has ${expected}`
        : undefined,
  );
}

async function checkAssignmentsRolesAndFactors(
  client: OktaClient,
  check: Check,
  firstApp: OktaApp | undefined,
  firstUser: OktaUser | undefined,
): Promise<void> {
  if (firstApp) {
    await check('app assignments', () =>
      client.getPage(`/api/v1/apps/${encodeURIComponent(firstApp.id)}/users?limit=1`, 'app user assignments'),
    );
  }
  await check('admin roles', () =>
    client.getPage('/api/v1/iam/assignees/users?limit=1', 'admin roles', { kind: 'object', itemsKey: 'value' }),
  );
  if (firstUser)
    await check('factors', () =>
      client.getPage(`/api/v1/users/${encodeURIComponent(firstUser.id)}/factors`, 'factors'),
    );
}
