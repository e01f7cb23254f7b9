// Routes for /api/v1/groups: list (filter, search, q, expand=stats/app, paging), one group, its members.
import type { OktaGroup } from '../../../../shared/okta/types';
import { compileFilter, type FilterPolicy } from '../filterExpression';
import type { FakeOrg } from '../generateOrg';
import { findUser, groupMemberIds, groupStatsReader, requireGroup, sortedApps, sortedGroups } from '../orgQueries';
import { linkHeader, parseAfter, parseLimit, selfUrl, takePage } from '../pagination';
import { jsonResponse, type FakeRequest, type FakeResponse } from '../pipeline';
import { presentGroup, presentUser, type GroupExtras } from '../presenters';
import type { RouteParams } from '../router';
import { findByKey, idOf, itself } from '../sortedLists';

/** The SPEC gives no default (max 10000); we default to 200, what Okta returns in practice (okta-api.md §1.2). */
const GROUP_LIMIT = { defaultLimit: 200, max: 10_000 };
/** `q` is not pageable; Okta's default for it is 300. */
const Q_LIMIT = { defaultLimit: 300, max: 10_000 };
/** Group members: default and maximum 1000 (okta-api.md §1.3). */
const MEMBER_LIMIT = { defaultLimit: 1000, max: 1000 };

const DATE_OPS = ['eq', 'gt', 'ge', 'lt', 'le'] as const;

export const GROUP_FILTER_POLICY: FilterPolicy = {
  attributes: { id: ['eq'], type: ['eq'], lastUpdated: DATE_OPS, lastMembershipUpdated: DATE_OPS },
};

export const GROUP_SEARCH_POLICY: FilterPolicy = {
  attributes: {
    id: ['eq', 'sw'],
    type: ['eq'],
    created: DATE_OPS,
    lastUpdated: DATE_OPS,
    lastMembershipUpdated: DATE_OPS,
    'profile.name': ['eq', 'sw', 'co'],
    'profile.description': ['eq', 'sw', 'co'],
  },
  anyProfileAttribute: ['eq', 'sw'],
};

/** `expand=stats` and/or `expand=app` (comma-separated). */
function groupExtrasReader(request: FakeRequest): (group: OktaGroup) => GroupExtras {
  const expand = new Set((request.url.searchParams.get('expand') ?? '').split(',').map((part) => part.trim()));
  const stats = expand.has('stats') ? groupStatsReader(request.org) : null;
  const withApp = expand.has('app');
  return (group) => ({
    ...(stats && { stats: stats(group) }),
    ...(withApp && { app: sourceAppSummary(request.org, group) }),
  });
}

function sourceAppSummary(org: FakeOrg, group: OktaGroup): GroupExtras['app'] {
  const source = (group._links as { source?: { href?: string } } | undefined)?.source?.href;
  const appId = source?.split('/').pop();
  const app = appId ? findByKey(sortedApps(org), appId, idOf) : undefined;
  return app ? { id: app.id, name: app.name, label: app.label, signOnMode: app.signOnMode } : undefined;
}

function groupPredicate(request: FakeRequest): (group: OktaGroup) => boolean {
  const params = request.url.searchParams;
  const predicates: ((group: OktaGroup) => boolean)[] = [];
  const filter = params.get('filter');
  const search = params.get('search');
  const q = params.get('q');
  if (filter) predicates.push(compileFilter<OktaGroup>(filter, GROUP_FILTER_POLICY));
  if (search) predicates.push(compileFilter<OktaGroup>(search, GROUP_SEARCH_POLICY));
  if (q) predicates.push((group) => group.profile.name.toLowerCase().startsWith(q.toLowerCase()));
  return (group) => predicates.every((predicate) => predicate(group));
}

export function listGroups(request: FakeRequest): FakeResponse {
  const extras = groupExtrasReader(request);
  const isQuery = request.url.searchParams.has('q');
  const limit = parseLimit(request, isQuery ? Q_LIMIT : GROUP_LIMIT);
  const page = takePage(
    sortedGroups(request.org),
    idOf,
    isQuery ? null : parseAfter(request),
    limit,
    groupPredicate(request),
  );
  const links = isQuery ? [`<${selfUrl(request)}>; rel="self"`] : linkHeader(request, page, limit);
  return jsonResponse(
    page.items.map((group) => presentGroup(request, group, extras(group))),
    { Link: links },
  );
}

export function getGroup(request: FakeRequest, params: RouteParams): FakeResponse {
  const group = requireGroup(request.org, params.groupId as string);
  return jsonResponse(presentGroup(request, group, groupExtrasReader(request)(group)));
}

export function listGroupUsers(request: FakeRequest, params: RouteParams): FakeResponse {
  const group = requireGroup(request.org, params.groupId as string);
  const limit = parseLimit(request, MEMBER_LIMIT);
  const org = request.org;
  // Members whose user record no longer exists (a test deleted it) are skipped, not served half-empty.
  const page = takePage(
    groupMemberIds(org, group.id),
    itself,
    parseAfter(request),
    limit,
    (userId) => findUser(org, userId) !== undefined,
  );
  const users = page.items.map((userId) => presentUser(request, findUser(org, userId)!));
  return jsonResponse(users, { Link: linkHeader(request, page, limit) });
}
