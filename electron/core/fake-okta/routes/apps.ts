// Routes for /api/v1/apps: list (filter, q, paging), one app, its users (scope USER/GROUP, expand=user) and groups.
import type { OktaApp } from '../../../../shared/okta/types';
import { compileFilter, type FilterPolicy } from '../filterExpression';
import { appUserEntries, findUser, requireApp, sortedApps, sortedGroups } from '../orgQueries';
import { linkHeader, parseAfter, parseLimit, takePage } from '../pagination';
import { jsonResponse, type FakeRequest, type FakeResponse } from '../pipeline';
import { presentApp, presentAppGroup, presentAppUser, type AppUserEntry } from '../presenters';
import type { RouteParams } from '../router';
import { ensureSorted, findByKey, idOf } from '../sortedLists';

/** SPEC maximum 200; the legacy reference's default of 20 (the SPEC's "-1" means "server decides"). */
const APP_LIMIT = { defaultLimit: 20, max: 200 };
/** SPEC: default 50, maximum 500. */
const APP_USER_LIMIT = { defaultLimit: 50, max: 500 };
/** SPEC: default 20, minimum 20, maximum 200. */
const APP_GROUP_LIMIT = { defaultLimit: 20, min: 20, max: 200 };

export const APP_FILTER_POLICY: FilterPolicy = {
  attributes: { id: ['eq'], status: ['eq'], name: ['eq'] },
};

function appPredicate(request: FakeRequest): (app: OktaApp) => boolean {
  const filter = request.url.searchParams.get('filter');
  const q = request.url.searchParams.get('q')?.toLowerCase();
  const byFilter = filter ? compileFilter<OktaApp>(filter, APP_FILTER_POLICY) : () => true;
  const byQ = q
    ? (app: OktaApp) => app.name.toLowerCase().startsWith(q) || app.label.toLowerCase().startsWith(q)
    : () => true;
  return (app) => byFilter(app) && byQ(app);
}

/** ACTIVE and INACTIVE apps alike (a full inventory). */
export function listApps(request: FakeRequest): FakeResponse {
  const limit = parseLimit(request, APP_LIMIT);
  const page = takePage(sortedApps(request.org), idOf, parseAfter(request), limit, appPredicate(request));
  return jsonResponse(
    page.items.map((app) => presentApp(request, app)),
    { Link: linkHeader(request, page, limit) },
  );
}

export function getApp(request: FakeRequest, params: RouteParams): FakeResponse {
  return jsonResponse(presentApp(request, requireApp(request.org, params.appId as string)));
}

export function listAppUsers(request: FakeRequest, params: RouteParams): FakeResponse {
  const app = requireApp(request.org, params.appId as string);
  const limit = parseLimit(request, APP_USER_LIMIT);
  const embedUser = (request.url.searchParams.get('expand') ?? '').split(',').includes('user');
  const org = request.org;
  const entryKey = (entry: AppUserEntry) => entry.userId;
  const page = takePage(
    appUserEntries(org, app.id),
    entryKey,
    parseAfter(request),
    limit,
    (entry) => findUser(org, entry.userId) !== undefined,
  );
  const body = page.items.map((entry) => presentAppUser(request, app, entry, findUser(org, entry.userId)!, embedUser));
  return jsonResponse(body, { Link: linkHeader(request, page, limit) });
}

export function listAppGroups(request: FakeRequest, params: RouteParams): FakeResponse {
  const app = requireApp(request.org, params.appId as string);
  const limit = parseLimit(request, APP_GROUP_LIMIT);
  const groups = sortedGroups(request.org);
  const assignments = ensureSorted(request.org.appGroupAssignments.get(app.id) ?? [], (a) => a.groupId);
  const exists = (a: { groupId: string }) => findByKey(groups, a.groupId, idOf) !== undefined;
  const page = takePage(assignments, (a) => a.groupId, parseAfter(request), limit, exists);
  const body = page.items.map((a) => presentAppGroup(request, app, a, findByKey(groups, a.groupId, idOf)!));
  return jsonResponse(body, { Link: linkHeader(request, page, limit) });
}
