// The listings a pull runs: for each, its first URL (maximum page sizes), how Okta pages it, and how a page becomes
// rows.
// A task key is `<kind>` or `<kind>:<object id>`; the key alone is enough to resume the task.
import type { OktaApp, OktaGroup } from '../../../shared/okta/types';
import type { PageShape } from '../okta/oktaClient';
import type { PageRows, ScheduledTask } from '../store/snapshotWriter';
import { needsMemberListing, needsRoleListing, type GroupListingPolicy } from './groupListings';

export type ObjectKind =
  | 'users'
  | 'groups'
  | 'group members'
  | 'apps'
  | 'app user assignments'
  | 'app group assignments'
  | 'admin roles'
  | 'factors';

export interface TaskKind {
  /** Names the objects in messages and in snapshot gaps. */
  objectKind: ObjectKind;
  shape: PageShape;
  toRows(items: unknown[], objectId: string): PageRows;
  /** Listings a page reveals (e.g. one member listing per non-empty group). */
  followUps?(items: unknown[], policy: GroupListingPolicy): ScheduledTask[];
}

const ARRAY: PageShape = { kind: 'array' };
const q = encodeURIComponent;

export const FIRST_URLS = {
  users: '/api/v1/users?limit=200',
  // A plain user list leaves DEPROVISIONED users out (okta-api.md §1.1); they are listed on their own.
  usersDeprovisioned: `/api/v1/users?limit=200&filter=${q('status eq "DEPROVISIONED"')}`,
  // Quick refresh: users changed since an instant; `filter` reads current data and includes DEPROVISIONED (§1.1).
  usersChanged: (sinceIso: string) => `/api/v1/users?limit=200&filter=${q(`lastUpdated gt "${sinceIso}"`)}`,
  // The spec allows up to 10,000 but Okta documents 200 as the effective maximum for most orgs.
  groups: '/api/v1/groups?limit=200&expand=stats',
  apps: '/api/v1/apps?limit=200',
  customRoles: '/api/v1/iam/roles',
  roleAssignees: '/api/v1/iam/assignees/users?limit=100',
  groupMembers: (groupId: string) => `/api/v1/groups/${q(groupId)}/users?limit=1000`,
  appUsers: (appId: string) => `/api/v1/apps/${q(appId)}/users?limit=500`,
  appGroups: (appId: string) => `/api/v1/apps/${q(appId)}/groups?limit=200`,
  userRoles: (userId: string) => `/api/v1/users/${q(userId)}/roles`,
  groupRoles: (groupId: string) => `/api/v1/groups/${q(groupId)}/roles`,
  factors: (userId: string) => `/api/v1/users/${q(userId)}/factors`,
};

export const TASK_KINDS: Record<string, TaskKind> = {
  users: { objectKind: 'users', shape: ARRAY, toRows: (items) => ({ kind: 'users', items: items }) },
  'users-deprovisioned': {
    objectKind: 'users',
    shape: ARRAY,
    toRows: (items) => ({ kind: 'users', items: items }),
  },
  'users-changed': {
    objectKind: 'users',
    shape: ARRAY,
    toRows: (items) => ({ kind: 'users', items: items }),
  },
  groups: {
    objectKind: 'groups',
    shape: ARRAY,
    toRows: (items) => ({ kind: 'groups', items: items }),
    followUps: (items, policy) =>
      (items as OktaGroup[]).flatMap((group) => {
        const tasks: ScheduledTask[] = [];
        if (needsMemberListing(group, policy))
          tasks.push({ key: `group-members:${group.id}`, url: FIRST_URLS.groupMembers(group.id) });
        if (needsRoleListing(group, policy))
          tasks.push({ key: `group-roles:${group.id}`, url: FIRST_URLS.groupRoles(group.id) });
        return tasks;
      }),
  },
  'group-members': {
    objectKind: 'group members',
    shape: ARRAY,
    toRows: (items, groupId) => ({ kind: 'groupMembers', groupId, items: items }),
  },
  apps: {
    objectKind: 'apps',
    shape: ARRAY,
    toRows: (items) => ({ kind: 'apps', items: items }),
    followUps: (items) =>
      (items as OktaApp[]).flatMap((app) => [
        { key: `app-users:${app.id}`, url: FIRST_URLS.appUsers(app.id) },
        { key: `app-groups:${app.id}`, url: FIRST_URLS.appGroups(app.id) },
      ]),
  },
  'app-users': {
    objectKind: 'app user assignments',
    shape: ARRAY,
    toRows: (items, appId) => ({ kind: 'appUsers', appId, items: items }),
  },
  'app-groups': {
    objectKind: 'app group assignments',
    shape: ARRAY,
    toRows: (items, appId) => ({ kind: 'appGroups', appId, items: items }),
  },
  'custom-roles': {
    objectKind: 'admin roles',
    shape: { kind: 'object', itemsKey: 'roles' },
    toRows: (items) => ({ kind: 'customRoles', items: items }),
  },
  'role-assignees': {
    objectKind: 'admin roles',
    shape: { kind: 'object', itemsKey: 'value' },
    toRows: () => ({ kind: 'none' }),
    followUps: (items) =>
      (items as { id: string }[]).map((user) => ({ key: `user-roles:${user.id}`, url: FIRST_URLS.userRoles(user.id) })),
  },
  'user-roles': {
    objectKind: 'admin roles',
    shape: ARRAY,
    toRows: (items, userId) => ({
      kind: 'roleAssignments',
      principalType: 'user',
      principalId: userId,
      items: items,
    }),
  },
  'group-roles': {
    objectKind: 'admin roles',
    shape: ARRAY,
    toRows: (items, groupId) => ({
      kind: 'roleAssignments',
      principalType: 'group',
      principalId: groupId,
      items: items,
    }),
  },
  factors: {
    objectKind: 'factors',
    shape: ARRAY,
    toRows: (items, userId) => ({ kind: 'factors', userId, items: items }),
  },
};

export function parseTaskKey(key: string): { kind: TaskKind; kindName: string; objectId: string } {
  const separator = key.indexOf(':');
  const kindName = separator === -1 ? key : key.slice(0, separator);
  const objectId = separator === -1 ? '' : key.slice(separator + 1);
  const kind = TASK_KINDS[kindName];
  if (!kind) throw new Error(`unknown pull task "${key}"`);
  return { kind, kindName, objectId };
}
