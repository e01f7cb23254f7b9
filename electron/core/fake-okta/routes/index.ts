// The fake Okta server's route table: every read-only Management API endpoint the puller uses.
import type { Route } from '../router';
import { getApp, listAppGroups, listApps, listAppUsers } from './apps';
import { getGroup, listGroups, listGroupUsers } from './groups';
import { listGroupRoles, listIamRoles, listRoleAssignees, listUserRoles } from './roles';
import { getUser, listUserFactors, listUserGroups, listUsers } from './users';

export const OKTA_ROUTES: readonly Route[] = [
  { path: '/api/v1/users', handler: listUsers },
  { path: '/api/v1/users/:userId', handler: getUser },
  { path: '/api/v1/users/:userId/groups', handler: listUserGroups },
  { path: '/api/v1/users/:userId/roles', handler: listUserRoles },
  { path: '/api/v1/users/:userId/factors', handler: listUserFactors },
  { path: '/api/v1/groups', handler: listGroups },
  { path: '/api/v1/groups/:groupId', handler: getGroup },
  { path: '/api/v1/groups/:groupId/users', handler: listGroupUsers },
  { path: '/api/v1/groups/:groupId/roles', handler: listGroupRoles },
  { path: '/api/v1/apps', handler: listApps },
  { path: '/api/v1/apps/:appId', handler: getApp },
  { path: '/api/v1/apps/:appId/users', handler: listAppUsers },
  { path: '/api/v1/apps/:appId/groups', handler: listAppGroups },
  { path: '/api/v1/iam/assignees/users', handler: listRoleAssignees },
  { path: '/api/v1/iam/roles', handler: listIamRoles },
];
