// Fake server option `oddValues`: the first page of each listing carries what a real org sends now and then and the
// schema does not promise — a user status, sign-on mode, role type and factor type never documented, an app without
// `name`, a user without `profile.login`, a group without `profile.name`, a non-string label, extra fields, `null`
// items, an app assigned to a user outside the user listing and a role holder who is not listed. Off by default.
import { jsonResponse, type FakeRequest, type Stage } from './pipeline';

/** Ids the odd relations point at: neither is in the org's user listing. */
export const ODD_VALUE_IDS = {
  unlistedAppUser: '00uUnlistedAppUser01',
  unlistedRoleHolder: '00uUnlistedRoleHold',
} as const;

/** The values no Okta documentation lists (shared/okta/knownValues.ts). */
export const ODD_VALUES = {
  userStatus: 'LOCKED_OUT_PLUS',
  signOnMode: 'QUANTUM_SSO',
  roleType: 'NEW_ADMIN_ROLE_TYPE',
  factorType: 'brainwave',
} as const;

type Json = Record<string, unknown>;
type Edit = (items: unknown[], request: FakeRequest) => void;

function editUsers(items: unknown[]): void {
  const [first, second, third] = items as Json[];
  if (first) first.status = ODD_VALUES.userStatus;
  if (second) delete (second.profile as Json).login;
  if (third)
    Object.assign(
      third,
      { newOktaField: { since: '2031' } },
      { profile: { ...(third.profile as Json), favouriteColour: 'teal', badgeNumber: 4711 } },
    );
  items.push(null);
}

function editGroups(items: unknown[]): void {
  const group = (items as Json[]).find((item) => item.type === 'OKTA_GROUP');
  if (group) delete (group.profile as Json).name;
  items.push(null); // the groups page schedules member listings: a null item must not break that either
}

function editApps(items: unknown[]): void {
  const [first, second, third] = items as Json[];
  if (first) delete first.name;
  if (second) second.signOnMode = ODD_VALUES.signOnMode;
  if (third) third.label = { en: 'A label that is not a string' };
}

function editAppUsers(items: unknown[], request: FakeRequest): void {
  if (!request.url.pathname.includes(`/apps/${request.org.apps[0]?.id}/`)) return;
  items.push({
    id: ODD_VALUE_IDS.unlistedAppUser,
    scope: 'USER',
    status: 'ACTIVE',
    credentials: { userName: 'ghost@example.com' },
  });
}

function editFactors(items: unknown[]): void {
  const first = items[0] as Json | undefined;
  if (first) first.factorType = ODD_VALUES.factorType;
}

const EDITS: [RegExp, Edit][] = [
  [/^\/api\/v1\/users$/, editUsers],
  [/^\/api\/v1\/groups$/, editGroups],
  [/^\/api\/v1\/apps$/, editApps],
  [/^\/api\/v1\/apps\/[^/]+\/users$/, editAppUsers],
  [/^\/api\/v1\/iam\/assignees\/users$/, (items) => items.push({ id: ODD_VALUE_IDS.unlistedRoleHolder })],
  [/^\/api\/v1\/users\/[^/]+\/factors$/, editFactors],
];

/** The unlisted role holder's roles: one of a type Okta does not document. */
function unlistedHolderRoles(): unknown[] {
  return [
    {
      id: 'ra1UnlistedHolder001',
      type: ODD_VALUES.roleType,
      label: 'Brand-new administrator',
      status: 'ACTIVE',
      assignmentType: 'USER',
    },
  ];
}

export function injectOddValues(): Stage {
  return async (request, next) => {
    const path = request.url.pathname;
    if (request.method !== 'GET') return next();
    if (path === `/api/v1/users/${ODD_VALUE_IDS.unlistedRoleHolder}/roles`) return jsonResponse(unlistedHolderRoles());
    const edit = EDITS.find(([pattern]) => pattern.test(path))?.[1];
    // Only the first page of a plain listing (no cursor, no filter) is edited, so each odd thing appears once.
    if (!edit || request.url.searchParams.has('after') || request.url.searchParams.has('filter')) return next();
    const response = await next();
    if (response.status !== 200) return response;
    const body = structuredClone<unknown>(response.body); // presenters share objects with the live org model
    const items = Array.isArray(body) ? body : ((body as Json | null)?.value as unknown[] | undefined);
    if (Array.isArray(items)) edit(items, request);
    return { ...response, body };
  };
}
