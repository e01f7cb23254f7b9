// Routes for /api/v1/users: list (filter, search, q, paging), one user, a user's groups and factors.
import type { OktaUser } from '../../../../shared/okta/types';
import { compileFilter, type FilterPolicy } from '../filterExpression';
import { groupsOfUser, requireUser, sortedUsers } from '../orgQueries';
import { linkHeader, parseAfter, parseLimit, selfUrl, takePage } from '../pagination';
import { jsonResponse, type FakeRequest, type FakeResponse } from '../pipeline';
import { presentFactor, presentGroup, presentUser } from '../presenters';
import type { RouteParams } from '../router';
import { idOf } from '../sortedLists';

/** Okta: default 200, maximum 200 (legacy reference); `q` defaults to 10. */
const USER_LIMIT = { defaultLimit: 200, max: 200 };
const Q_LIMIT = { defaultLimit: 10, max: 200 };

const DATE_OPS = ['eq', 'gt', 'ge', 'lt', 'le'] as const;

/** `filter`: only these attributes, only `eq` except lastUpdated (SPEC listUsers). */
export const USER_FILTER_POLICY: FilterPolicy = {
  attributes: {
    status: ['eq'],
    lastUpdated: DATE_OPS,
    id: ['eq'],
    'profile.login': ['eq'],
    'profile.email': ['eq'],
    'profile.firstName': ['eq'],
    'profile.lastName': ['eq'],
  },
};

/** `search`: top-level attributes plus any profile attribute; sw/eq/co (co only on four profile fields). */
export const USER_SEARCH_POLICY: FilterPolicy = {
  attributes: {
    status: ['eq'],
    id: ['eq', 'sw'],
    'type.id': ['eq'],
    created: DATE_OPS,
    activated: DATE_OPS,
    statusChanged: DATE_OPS,
    lastUpdated: DATE_OPS,
    'profile.login': ['eq', 'sw', 'co', 'pr'],
    'profile.email': ['eq', 'sw', 'co', 'pr'],
    'profile.firstName': ['eq', 'sw', 'co', 'pr'],
    'profile.lastName': ['eq', 'sw', 'co', 'pr'],
  },
  anyProfileAttribute: ['eq', 'sw', 'pr', 'gt', 'ge', 'lt', 'le'],
};

const notDeprovisioned = (user: OktaUser) => user.status !== 'DEPROVISIONED';

/** `q`: startsWith on first name, last name or email; no paging; DEPROVISIONED excluded. */
function quickSearch(request: FakeRequest, q: string): FakeResponse {
  const needle = q.toLowerCase();
  const limit = parseLimit(request, Q_LIMIT);
  const fields = (user: OktaUser) => [user.profile.firstName, user.profile.lastName, user.profile.email];
  const matches = sortedUsers(request.org)
    .filter(
      (user) =>
        notDeprovisioned(user) &&
        fields(user).some((value) => typeof value === 'string' && value.toLowerCase().startsWith(needle)),
    )
    .slice(0, limit);
  return jsonResponse(
    matches.map((user) => presentUser(request, user)),
    { Link: [`<${selfUrl(request)}>; rel="self"`] },
  );
}

/** Plain list: everyone but DEPROVISIONED. With filter/search: whoever matches, DEPROVISIONED included. */
function userPredicate(request: FakeRequest): (user: OktaUser) => boolean {
  const params = request.url.searchParams;
  const filter = params.get('filter');
  const search = params.get('search');
  const predicates: ((user: OktaUser) => boolean)[] = [];
  if (filter) predicates.push(compileFilter<OktaUser>(filter, USER_FILTER_POLICY));
  if (search) predicates.push(compileFilter<OktaUser>(search, USER_SEARCH_POLICY));
  if (predicates.length === 0) return notDeprovisioned;
  return (user) => predicates.every((predicate) => predicate(user));
}

export function listUsers(request: FakeRequest): FakeResponse {
  const q = request.url.searchParams.get('q');
  if (q !== null && !request.url.searchParams.has('filter') && !request.url.searchParams.has('search'))
    return quickSearch(request, q);
  const limit = parseLimit(request, USER_LIMIT);
  const page = takePage(sortedUsers(request.org), idOf, parseAfter(request), limit, userPredicate(request));
  return jsonResponse(
    page.items.map((user) => presentUser(request, user)),
    { Link: linkHeader(request, page, limit) },
  );
}

export function getUser(request: FakeRequest, params: RouteParams): FakeResponse {
  return jsonResponse(presentUser(request, requireUser(request.org, params.userId as string)));
}

/** No paging parameters in the SPEC: the whole list in one response. */
export function listUserGroups(request: FakeRequest, params: RouteParams): FakeResponse {
  const user = requireUser(request.org, params.userId as string);
  return jsonResponse(groupsOfUser(request.org, user.id).map((group) => presentGroup(request, group)));
}

export function listUserFactors(request: FakeRequest, params: RouteParams): FakeResponse {
  const user = requireUser(request.org, params.userId as string);
  const factors = request.org.factors.get(user.id) ?? [];
  return jsonResponse(factors.map((factor) => presentFactor(request, user.id, factor)));
}
