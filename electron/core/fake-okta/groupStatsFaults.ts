// Pipeline stage: group stats a real org (or a proxy in front of it) gets wrong. `expand=stats` may come back without
// `_embedded.stats` (all groups or some), or with stats that lie (usersCount 0 for a group with members,
// hasAdminPrivlege false for a group holding a role). A puller that trusts stats loses those groups' members/roles.
import type { OktaGroup } from '../../../shared/okta/types';
import type { FakeResponse, Stage } from './pipeline';

export interface GroupStatsFaultOptions {
  /** Groups answered without `_embedded.stats`: 'all', or these group ids. */
  absent?: 'all' | readonly string[];
  /** Groups whose stats say usersCount 0 and hasAdminPrivlege false, whatever the truth. */
  wrong?: readonly string[];
}

function amendGroup(group: OktaGroup, options: GroupStatsFaultOptions): OktaGroup {
  const stats = group._embedded?.stats;
  if (!stats) return group;
  const absent = options.absent === 'all' || (options.absent ?? []).includes(group.id);
  if (absent) {
    const { stats: _dropped, ...rest } = group._embedded!;
    return Object.keys(rest).length > 0
      ? { ...group, _embedded: rest }
      : (({ _embedded: _gone, ...plain }) => plain)(group);
  }
  if ((options.wrong ?? []).includes(group.id))
    return { ...group, _embedded: { ...group._embedded, stats: { ...stats, usersCount: 0, hasAdminPrivlege: false } } };
  return group;
}

/** Only group listings and single groups (`/api/v1/groups`, `/api/v1/groups/{id}`) carry stats. */
const carriesStats = (pathname: string) => /^\/api\/v1\/groups(\/[^/]+)?\/?$/.test(pathname);

export function fakeGroupStats(options: GroupStatsFaultOptions): Stage {
  return async (request, next) => {
    const response: FakeResponse = await next();
    if (response.status !== 200 || !carriesStats(request.url.pathname)) return response;
    const body = response.body;
    if (Array.isArray(body))
      return { ...response, body: (body as OktaGroup[]).map((group) => amendGroup(group, options)) };
    return body && typeof body === 'object' ? { ...response, body: amendGroup(body as OktaGroup, options) } : response;
  };
}
