// Turns model objects into response JSON: adds `_links` (absolute, from the request's origin) and `_embedded` parts.
import type {
  OktaApp,
  OktaFactor,
  OktaGroup,
  OktaGroupStats,
  OktaIamRole,
  OktaRoleAssignment,
  OktaUser,
} from '../../../shared/okta/types';
import type { FakeRequest } from './pipeline';

type Links = Record<string, unknown>;
const href = (request: FakeRequest, path: string) => ({ href: `${request.baseUrl}${path}` });

/** Model objects may carry `_links` with origin-relative hrefs (e.g. an APP_GROUP's source app). */
function absoluteLinks(request: FakeRequest, links: unknown): Links {
  if (!links || typeof links !== 'object') return {};
  const result: Links = {};
  for (const [name, value] of Object.entries(links as Links)) {
    const target = value as { href?: unknown };
    result[name] =
      typeof target?.href === 'string' && target.href.startsWith('/')
        ? { ...target, href: `${request.baseUrl}${target.href}` }
        : value;
  }
  return result;
}

export function presentUser(request: FakeRequest, user: OktaUser): OktaUser {
  return {
    ...user,
    _links: {
      ...absoluteLinks(request, user._links),
      self: href(request, `/api/v1/users/${user.id}`),
      type: href(request, `/api/v1/meta/types/user/${user.type.id}`),
    },
  };
}

const GROUP_LOGO = (request: FakeRequest, type: string) => {
  const kind = type === 'APP_GROUP' ? 'active_directory' : 'okta';
  return ['medium', 'large'].map((size) => ({
    name: size,
    href: `${request.baseUrl}/img/logos/groups/${kind}-${size}.png`,
    type: 'image/png',
  }));
};

export interface GroupExtras {
  stats?: OktaGroupStats;
  app?: Pick<OktaApp, 'id' | 'name' | 'label' | 'signOnMode'>;
}

export function presentGroup(request: FakeRequest, group: OktaGroup, extras: GroupExtras = {}): OktaGroup {
  const presented: OktaGroup = {
    ...group,
    _links: {
      logo: GROUP_LOGO(request, group.type),
      ...absoluteLinks(request, group._links),
      users: href(request, `/api/v1/groups/${group.id}/users`),
      apps: href(request, `/api/v1/groups/${group.id}/apps`),
    },
  };
  if (extras.stats || extras.app)
    presented._embedded = { ...(extras.stats && { stats: extras.stats }), ...(extras.app && { app: extras.app }) };
  return presented;
}

export function presentApp(request: FakeRequest, app: OktaApp): OktaApp {
  const base = `/api/v1/apps/${app.id}`;
  const lifecycle =
    app.status === 'ACTIVE'
      ? { deactivate: href(request, `${base}/lifecycle/deactivate`) }
      : { activate: href(request, `${base}/lifecycle/activate`) };
  return {
    ...app,
    _links: {
      self: href(request, base),
      users: href(request, `${base}/users`),
      groups: href(request, `${base}/groups`),
      logo: [{ name: 'medium', href: `${request.baseUrl}/assets/img/logos/default.png`, type: 'image/png' }],
      appLinks: [
        { name: `${app.name}_link`, href: `${request.baseUrl}/home/${app.name}/${app.id}/link`, type: 'text/html' },
      ],
      ...lifecycle,
    },
  };
}

export interface AppUserEntry {
  userId: string;
  scope: 'USER' | 'GROUP';
  /** The app username stored for a direct assignment; group-reached users get their Okta login. */
  userName?: string;
  /** For scope GROUP: the highest-priority assigned group the user is in. */
  viaGroupId?: string;
}

export function presentAppUser(
  request: FakeRequest,
  app: OktaApp,
  entry: AppUserEntry,
  user: OktaUser,
  embedUser: boolean,
): Record<string, unknown> {
  const provisioned = Array.isArray(app.features) && app.features.length > 0;
  // Assignment timestamps: the later of the two objects' creation, stable for a given model.
  const created = user.created > app.created ? user.created : app.created;
  const lastUpdated = user.lastUpdated > created ? user.lastUpdated : created;
  return {
    id: entry.userId,
    ...(provisioned && { externalId: `ext-${entry.userId.slice(3)}` }),
    created,
    lastUpdated,
    scope: entry.scope,
    status: provisioned ? 'PROVISIONED' : 'ACTIVE',
    statusChanged: created,
    passwordChanged: null,
    syncState: provisioned ? 'SYNCHRONIZED' : 'DISABLED',
    ...(provisioned && { lastSync: lastUpdated }),
    credentials: { userName: entry.userName ?? user.profile.login },
    profile: {},
    _links: {
      app: href(request, `/api/v1/apps/${app.id}`),
      user: href(request, `/api/v1/users/${entry.userId}`),
      ...(entry.viaGroupId && { group: href(request, `/api/v1/groups/${entry.viaGroupId}`) }),
    },
    ...(embedUser && { _embedded: { user: presentUser(request, user) } }),
  };
}

export function presentAppGroup(
  request: FakeRequest,
  app: OktaApp,
  assignment: { groupId: string; priority: number },
  group: OktaGroup,
): Record<string, unknown> {
  return {
    id: assignment.groupId,
    priority: assignment.priority,
    lastUpdated: group.lastUpdated > app.created ? group.lastUpdated : app.created,
    profile: {},
    _links: {
      app: href(request, `/api/v1/apps/${app.id}`),
      self: href(request, `/api/v1/apps/${app.id}/groups/${assignment.groupId}`),
      group: href(request, `/api/v1/groups/${assignment.groupId}`),
    },
  };
}

/** `assignee` is the user or group the role is assigned to (for inherited roles: the group). */
export function presentRoleAssignment(
  request: FakeRequest,
  assignment: OktaRoleAssignment,
  assignee: { kind: 'users' | 'groups'; id: string },
): OktaRoleAssignment {
  const links: Links = { assignee: href(request, `/api/v1/${assignee.kind}/${assignee.id}`) };
  if (assignment.type === 'CUSTOM' && assignment.role && assignment['resource-set']) {
    const resourceSet = `/api/v1/iam/resource-sets/${assignment['resource-set']}`;
    links['resource-set'] = href(request, resourceSet);
    links.role = href(request, `/api/v1/iam/roles/${assignment.role}`);
    links.permissions = href(request, `/api/v1/iam/permission-sets/${assignment.role}/permissions`);
    links.member = href(request, `${resourceSet}/bindings/${assignment.role}/members/${assignment.id}`);
  }
  return { ...assignment, _links: links };
}

export function presentIamRole(request: FakeRequest, role: OktaIamRole): OktaIamRole {
  return {
    ...role,
    _links: {
      self: href(request, `/api/v1/iam/roles/${role.id}`),
      permissions: href(request, `/api/v1/iam/roles/${role.id}/permissions`),
    },
  };
}

export function presentFactor(request: FakeRequest, userId: string, factor: OktaFactor): OktaFactor {
  const self = `/api/v1/users/${userId}/factors/${factor.id}`;
  return {
    ...factor,
    _links: {
      self: { ...href(request, self), hints: { allow: ['GET', 'DELETE'] } },
      user: { ...href(request, `/api/v1/users/${userId}`), hints: { allow: ['GET'] } },
    },
  };
}
