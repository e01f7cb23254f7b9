// Pipeline stage: what the caller may read. A denied kind (or an OAuth token without the scope) answers 403
// E0000006; `oauthWithoutAdminRole` emulates a service app with scopes but no admin role (silent downscoping).
import { accessDenied } from './errors';
import type { FakeResponse, Stage } from './pipeline';

export type AccessKind = 'users' | 'groups' | 'groupMembers' | 'apps' | 'roles';

/**
 * Default all true. `groupMembers: false` is a token without "manage group membership": GET /groups/{id}/users fails.
 */
export type PermissionOptions = Partial<Record<AccessKind, boolean>>;

export const OAUTH_SCOPE_FOR: Readonly<Record<AccessKind, string>> = {
  users: 'okta.users.read',
  groups: 'okta.groups.read',
  groupMembers: 'okta.groups.read',
  apps: 'okta.apps.read',
  roles: 'okta.roles.read',
};

/** The kinds of data an API path reads (empty: nothing guarded). */
export function accessKindsFor(pathname: string): AccessKind[] {
  const [api, version, family, id, sub] = pathname.split('/').filter((segment) => segment !== '');
  if (api !== 'api' || version !== 'v1') return [];
  switch (family) {
    case 'users':
      return id !== undefined && sub === 'roles' ? ['roles'] : ['users'];
    case 'groups':
      if (sub === 'users') return ['groups', 'groupMembers'];
      return sub === 'roles' ? ['roles'] : ['groups'];
    case 'apps':
      return ['apps'];
    case 'iam':
      return ['roles'];
    default:
      return [];
  }
}

/**
 * Lists that come back empty (200 []) to a service app without an admin role. The group list itself keeps its
 * groups, and their `expand=stats` keeps the real counts: the mismatch (usersCount 40, members []) is the clue.
 * Single-object reads are unchanged.
 */
function emptiedWithoutAdminRole(pathname: string): boolean {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments[0] !== 'api' || segments[1] !== 'v1') return false;
  const [, , family, id, sub] = segments;
  if (family === 'iam') return true;
  if (family === 'groups') return id !== undefined && sub !== undefined;
  if (family === 'users' || family === 'apps') return id === undefined || sub !== undefined;
  return false;
}

function emptied(response: FakeResponse): FakeResponse {
  const body = response.body;
  const links = response.headers.Link;
  const selfOnly = Array.isArray(links) ? links.filter((link) => /rel="self"/.test(link)) : links;
  const headers = links === undefined ? response.headers : { ...response.headers, Link: selfOnly ?? [] };
  if (Array.isArray(body)) return { ...response, body: [], headers };
  if (body && typeof body === 'object') {
    // The /iam lists: { value: [...] } or { roles: [...] }, paging in _links.
    const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const [key, value] of Object.entries(copy)) if (Array.isArray(value)) copy[key] = [];
    if ('_links' in copy) copy._links = {};
    return { ...response, body: copy, headers };
  }
  return response;
}

export interface PermissionSettings {
  permissions?: PermissionOptions;
  oauthWithoutAdminRole?: boolean;
}

export function enforcePermissions(settings: PermissionSettings): Stage {
  return async (request, next) => {
    const kinds = accessKindsFor(request.url.pathname);
    const denied = kinds.find((kind) => settings.permissions?.[kind] === false);
    if (denied) throw accessDenied();
    const principal = request.principal;
    if (principal?.kind === 'oauth') {
      const missing = kinds.map((kind) => OAUTH_SCOPE_FOR[kind]).find((scope) => !principal.scopes.includes(scope));
      if (missing) throw accessDenied(`The access token is missing the scope ${missing}`);
    }
    const response = await next();
    if (settings.oauthWithoutAdminRole && response.status === 200 && emptiedWithoutAdminRole(request.url.pathname))
      return emptied(response);
    return response;
  };
}
