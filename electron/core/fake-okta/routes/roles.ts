// Routes for admin roles: a user's roles (direct + via groups), a group's roles, /iam/assignees/users and /iam/roles.
import { FAKE_ORG_ID } from '../ids';
import { directRoleHolderIds, requireGroup, requireUser, rolesOfUser } from '../orgQueries';
import { nextPageUrl, parseAfter, parseLimit, takePage } from '../pagination';
import { jsonResponse, type FakeRequest, type FakeResponse } from '../pipeline';
import { presentIamRole, presentRoleAssignment } from '../presenters';
import type { RouteParams } from '../router';
import { ensureSorted, idOf, itself } from '../sortedLists';

/** SPEC: default 100. No maximum is published; we cap at the default. */
const ASSIGNEE_LIMIT = { defaultLimit: 100, max: 100 };
/** /iam/roles has no limit parameter in the SPEC; pages of 100, `limit` honoured up to that. */
const IAM_ROLE_LIMIT = { defaultLimit: 100, max: 100 };

export function listUserRoles(request: FakeRequest, params: RouteParams): FakeResponse {
  const user = requireUser(request.org, params.userId as string);
  return jsonResponse(
    rolesOfUser(request.org, user.id).map(({ assignment, assignee }) =>
      presentRoleAssignment(request, assignment, assignee),
    ),
  );
}

export function listGroupRoles(request: FakeRequest, params: RouteParams): FakeResponse {
  const group = requireGroup(request.org, params.groupId as string);
  const roles = request.org.groupRoleAssignments.get(group.id) ?? [];
  return jsonResponse(
    roles.map((assignment) => presentRoleAssignment(request, assignment, { kind: 'groups', id: group.id })),
  );
}

/** Users holding a role directly. Paging lives in the body (`_links.next`), not in a Link header. */
export function listRoleAssignees(request: FakeRequest): FakeResponse {
  const limit = parseLimit(request, ASSIGNEE_LIMIT);
  const page = takePage(directRoleHolderIds(request.org), itself, parseAfter(request), limit);
  const value = page.items.map((userId) => ({
    id: userId,
    orn: `orn:okta:${FAKE_ORG_ID}:users:${userId}`,
    _links: {
      self: { href: `${request.baseUrl}/api/v1/users/${userId}` },
      roles: { href: `${request.baseUrl}/api/v1/users/${userId}/roles` },
    },
  }));
  return jsonResponse({
    value,
    _links: page.nextAfter === null ? {} : { next: { href: nextPageUrl(request, page.nextAfter, limit) } },
  });
}

/** Custom role definitions; paging in the body as with every /iam list. */
export function listIamRoles(request: FakeRequest): FakeResponse {
  const limit = parseLimit(request, IAM_ROLE_LIMIT);
  const page = takePage(ensureSorted(request.org.customRoles, idOf), idOf, parseAfter(request), limit);
  const roles = page.items.map((role) => presentIamRole(request, role));
  return jsonResponse({
    roles,
    _links: page.nextAfter === null ? {} : { next: { href: nextPageUrl(request, page.nextAfter, limit) } },
  });
}
