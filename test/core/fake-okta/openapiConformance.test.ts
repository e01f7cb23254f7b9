// Every endpoint family of the fake Okta server answers with JSON that Okta's own OpenAPI spec accepts
// (management-minimal.yaml, the schema each operation names for its 200/401/403/404/429 responses), and the token
// endpoint answers what oauth-minimal.yaml declares for POST /oauth2/v1/token.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAUTH_SPEC_PATH, OktaSpec, SPEC_PATH } from './openapiSpec';
import { TEST_TOKEN, startHarness, type Harness } from './fakeOktaHarness';
import { CLIENT_ID, clientAssertion, dpopProof, makeKey, postToken, tokenForm, type TestKey } from './oauthTestClient';

let loadedSpec: OktaSpec | undefined;
let specError: Error | undefined;
let h: Harness;

beforeAll(async () => {
  // A missing spec must FAIL every test below, not skip them: keep the error and rethrow it per test.
  try {
    loadedSpec = OktaSpec.load();
  } catch (error) {
    specError = error instanceof Error ? error : new Error(String(error));
  }
  h = await startHarness({ seed: 'openapi-conformance', users: 260, groups: 30, apps: 24 });
}, 60_000);

function spec(): OktaSpec {
  if (!loadedSpec) throw specError ?? new Error('OpenAPI spec not loaded');
  return loadedSpec;
}
afterAll(async () => h?.server.close());

/** GETs `url` (all pages) and validates each page body against the operation's schema for `status`. */
async function expectConformant(
  pathTemplate: string,
  url: string,
  status = '200',
  options: { token?: string | null; fallback?: string } = {},
): Promise<number> {
  const validate = spec().validator(pathTemplate, status, options.fallback);
  let next: string | undefined = url.startsWith('http') ? url : `${h.server.url}${url}`;
  let items = 0;
  while (next) {
    const headers: Record<string, string> =
      options.token === null ? {} : { Authorization: `SSWS ${options.token ?? TEST_TOKEN}` };
    const response: Response = await fetch(next, { headers });
    expect(response.status, next).toBe(Number(status));
    const body = (await response.json()) as unknown;
    expect(validate(body), `${pathTemplate} ${status} (${next})`).toEqual([]);
    items += Array.isArray(body) ? body.length : 1;
    const link = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '');
    const bodyNext = (body as { _links?: { next?: { href?: string } } })?._links?.next?.href;
    next = link?.[1] ?? bodyNext;
  }
  return items;
}

describe('the OpenAPI spec', () => {
  it('is present beside the repository', () => {
    expect(fs.existsSync(SPEC_PATH), SPEC_PATH).toBe(true);
  });
});

describe('the validator itself', () => {
  it('rejects wrong enums, wrong discriminated shapes and undeclared properties', async () => {
    const user = await h.getJson<Record<string, unknown>>(`/api/v1/users/${h.org.users[0]!.id}`);
    const validateUser = spec().validator('/api/v1/users/{id}', '200');
    expect(validateUser(user)).toEqual([]);
    expect(validateUser({ ...user, status: 'SLEEPING' }).join()).toMatch(/status/);
    expect(validateUser({ ...user, lastLogin: 'yesterday' }).join()).toMatch(/lastLogin/);
    expect(validateUser({ ...user, statusChangedd: null }).join()).toMatch(/statusChangedd is not declared/);
    const group = (await h.getJson<Record<string, unknown>[]>('/api/v1/groups?limit=1&expand=stats'))[0]!;
    const stats = (group._embedded as { stats: Record<string, unknown> }).stats;
    const typo = { ...group, _embedded: { stats: { ...stats, hasAdminPrivilege: true } } };
    expect(spec().validator('/api/v1/groups', '200')([typo]).join()).toMatch(/hasAdminPrivilege is not declared/);
    const bookmark = h.org.apps.find((a) => a.signOnMode === 'BOOKMARK')!;
    const app = await h.getJson<Record<string, unknown>>(`/api/v1/apps/${bookmark.id}`);
    const validateApp = spec().validator('/api/v1/apps/{appId}', '200');
    expect(validateApp(app)).toEqual([]);
    expect(validateApp({ ...app, name: 'not-bookmark' }).length).toBeGreaterThan(0); // BookmarkApplication pins name
    expect(validateApp({ ...app, signOnMode: 'MAGIC' }).length).toBeGreaterThan(0);
    const [userId, factors] = [...h.org.factors].find(([, list]) => list.some((f) => f.factorType === 'sms'))!;
    const served = await h.getJson<Record<string, unknown>[]>(`/api/v1/users/${userId}/factors`);
    const sms = served.find((f) => f.factorType === 'sms')!;
    expect(factors.length).toBe(served.length);
    expect(
      spec().validator('/api/v1/users/{userId}/factors', '200')([{ ...sms, provider: 'GOOGLE' }]).length,
    ).toBeGreaterThan(0);
  });
});

describe('users', () => {
  it('listUsers: User[] for the plain list, filters and search', async () => {
    expect(await expectConformant('/api/v1/users', '/api/v1/users?limit=200')).toBeGreaterThan(200);
    await expectConformant('/api/v1/users', `/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`);
    await expectConformant('/api/v1/users', `/api/v1/users?search=${encodeURIComponent('status eq "STAGED"')}`);
  });

  it('getUser: User, for hard-string and nameless users too', async () => {
    for (const user of h.org.users
      .filter((u) => !u.profile.displayName || /[\n\t"=,]/.test(u.profile.displayName))
      .slice(0, 15)) {
      await expectConformant('/api/v1/users/{id}', `/api/v1/users/${user.id}`);
    }
  });

  it('listUserGroups: Group[]', async () => {
    await expectConformant('/api/v1/users/{id}/groups', `/api/v1/users/${h.org.users[0]!.id}/groups`);
  });

  it('listFactors: UserFactor[] (discriminated by factorType) for every user with factors', async () => {
    const seen = new Set<string>();
    for (const [userId, factors] of h.org.factors) {
      if (factors.every((f) => seen.has(`${f.factorType}/${f.provider}`))) continue;
      factors.forEach((f) => seen.add(`${f.factorType}/${f.provider}`));
      await expectConformant('/api/v1/users/{userId}/factors', `/api/v1/users/${userId}/factors`);
    }
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it('listAssignedRolesForUser: StandardRole/CustomRole[], direct and inherited', async () => {
    for (const userId of h.org.userRoleAssignments.keys())
      await expectConformant('/api/v1/users/{userId}/roles', `/api/v1/users/${userId}/roles`);
    for (const groupId of h.org.groupRoleAssignments.keys()) {
      const memberId = h.org.groupMembers.get(groupId)?.[0];
      if (memberId) await expectConformant('/api/v1/users/{userId}/roles', `/api/v1/users/${memberId}/roles`);
    }
  });
});

describe('groups', () => {
  it('listGroups: Group[] with expand=stats and expand=app', async () => {
    expect(await expectConformant('/api/v1/groups', '/api/v1/groups?limit=10&expand=stats')).toBe(h.org.groups.length);
    await expectConformant('/api/v1/groups', '/api/v1/groups?expand=app');
    await expectConformant('/api/v1/groups', `/api/v1/groups?filter=${encodeURIComponent('type eq "APP_GROUP"')}`);
  });

  it('getGroup: Group', async () => {
    for (const group of h.org.groups.slice(0, 10))
      await expectConformant('/api/v1/groups/{groupId}', `/api/v1/groups/${group.id}?expand=stats`);
  });

  it('listGroupUsers: User[]', async () => {
    const everyone = h.org.groups.find((g) => g.type === 'BUILT_IN')!;
    await expectConformant('/api/v1/groups/{groupId}/users', `/api/v1/groups/${everyone.id}/users?limit=100`);
  });

  it('listGroupAssignedRoles: StandardRole/CustomRole[]', async () => {
    for (const groupId of h.org.groupRoleAssignments.keys())
      await expectConformant('/api/v1/groups/{groupId}/roles', `/api/v1/groups/${groupId}/roles`);
  });
});

describe('apps', () => {
  it('listApplications: Application[] for every signOnMode (discriminated)', async () => {
    expect(await expectConformant('/api/v1/apps', '/api/v1/apps?limit=7')).toBe(h.org.apps.length);
    expect(new Set(h.org.apps.map((a) => a.signOnMode)).size).toBe(9);
  });

  it('getApplication: Application', async () => {
    for (const app of h.org.apps) await expectConformant('/api/v1/apps/{appId}', `/api/v1/apps/${app.id}`);
  });

  it('listApplicationUsers: AppUser[] with expand=user', async () => {
    for (const app of h.org.apps.slice(0, 8))
      await expectConformant('/api/v1/apps/{appId}/users', `/api/v1/apps/${app.id}/users?limit=500&expand=user`);
  });

  it('listApplicationGroupAssignments: ApplicationGroupAssignment[]', async () => {
    for (const app of h.org.apps)
      await expectConformant('/api/v1/apps/{appId}/groups', `/api/v1/apps/${app.id}/groups`);
  });
});

describe('iam', () => {
  it('listUsersWithRoleAssignments: RoleAssignedUsers', async () => {
    await expectConformant('/api/v1/iam/assignees/users', '/api/v1/iam/assignees/users?limit=1');
  });

  it('listRoles: IamRoles', async () => {
    await expectConformant('/api/v1/iam/roles', '/api/v1/iam/roles?limit=1');
  });
});

describe('error bodies', () => {
  it('401: Error (ErrorInvalidToken401) for a missing or wrong token', async () => {
    // No operation here declares 401 in the spec; components.responses.ErrorInvalidToken401 is the shared one.
    await expectConformant('/api/v1/users', '/api/v1/users', '401', { token: null, fallback: 'ErrorInvalidToken401' });
    await expectConformant('/api/v1/apps', '/api/v1/apps', '401', { token: 'wrong', fallback: 'ErrorInvalidToken401' });
  });

  it('404: the Error schema each operation declares', async () => {
    await expectConformant('/api/v1/users/{id}', '/api/v1/users/00uMissing', '404');
    await expectConformant('/api/v1/groups/{groupId}', '/api/v1/groups/00gMissing', '404');
    await expectConformant('/api/v1/apps/{appId}', '/api/v1/apps/0oaMissing', '404');
    await expectConformant('/api/v1/apps/{appId}/users', '/api/v1/apps/0oaMissing/users', '404');
    await expectConformant('/api/v1/users/{userId}/factors', '/api/v1/users/00uMissing/factors', '404');
  });

  it('400: Error (ErrorApiValidationFailed400) for a bad filter', async () => {
    await expectConformant('/api/v1/users', `/api/v1/users?filter=${encodeURIComponent('status gt "x"')}`, '400', {
      fallback: 'ErrorApiValidationFailed400',
    });
  });
});

describe('rate-limit and permission bodies', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startHarness(
      { seed: 'openapi-limits', users: 20, groups: 4, apps: 3 },
      { rateLimits: { buckets: { users: 1, apps: 1 } }, permissions: { groupMembers: false } },
    );
  });
  afterAll(async () => limited?.server.close());

  it('429: Error (ErrorTooManyRequests429), matching the spec example but for errorId', async () => {
    const example = spec().example('ErrorTooManyRequests') as Record<string, unknown>;
    for (const path of ['/api/v1/users', '/api/v1/apps']) {
      await (await limited.get(path)).arrayBuffer();
      const response = await limited.get(path);
      expect(response.status).toBe(429);
      const body = (await response.json()) as Record<string, unknown>;
      expect(spec().validator(path, '429')(body)).toEqual([]);
      expect({ ...body, errorId: example.errorId }).toEqual(example);
    }
  });

  it('403: Error (ErrorAccessDenied403) for a denied member listing, as the spec example', async () => {
    const example = spec().example('ErrorAccessDenied') as Record<string, unknown>;
    const response = await limited.get(`/api/v1/groups/${limited.org.groups[0]!.id}/users`);
    expect(response.status).toBe(403);
    const body = (await response.json()) as Record<string, unknown>;
    expect(spec().validator('/api/v1/groups/{groupId}/users', '403')(body)).toEqual([]);
    expect({ ...body, errorId: example.errorId }).toEqual(example);
  });
});

describe('token endpoint (oauth-minimal.yaml)', () => {
  let oauthSpec: OktaSpec | undefined;
  let oauthSpecError: Error | undefined;
  let server: Harness;
  let key: TestKey;
  const validate = (status: string, body: unknown) => {
    if (!oauthSpec) throw oauthSpecError ?? new Error('OAuth spec not loaded');
    return oauthSpec.validator('/oauth2/v1/token', status, undefined, 'post')(body);
  };
  beforeAll(async () => {
    try {
      oauthSpec = OktaSpec.load(OAUTH_SPEC_PATH);
    } catch (error) {
      oauthSpecError = error instanceof Error ? error : new Error(String(error));
    }
    key = await makeKey('RS256', 'conformance');
    server = await startHarness(
      { seed: 'openapi-oauth', users: 5, groups: 2, apps: 1 },
      {
        oauth: { clientId: CLIENT_ID, publicJwks: { keys: [key.publicJwk] }, requireDpop: false },
        rateLimits: { buckets: { token: 8 } },
      },
    );
  });
  afterAll(async () => server?.server.close());

  it('200: TokenResponseOrgAs (Bearer); DPoP differs only in token_type (not in the spec enum)', async () => {
    const url = `${server.server.url}/oauth2/v1/token`;
    const bearer = await postToken(url, tokenForm(await clientAssertion(key, url), 'okta.users.read'));
    expect(bearer.status).toBe(200);
    expect(validate('200', await bearer.json())).toEqual([]);
    const challenge = await postToken(
      url,
      tokenForm(await clientAssertion(key, url)),
      await dpopProof(key, { htm: 'POST', htu: url }),
    );
    expect(challenge.status).toBe(400);
    expect(validate('400', await challenge.json())).toEqual([]); // use_dpop_nonce
    const nonce = challenge.headers.get('dpop-nonce')!;
    const dpop = await postToken(
      url,
      tokenForm(await clientAssertion(key, url)),
      await dpopProof(key, { htm: 'POST', htu: url, nonce }),
    );
    const body = (await dpop.json()) as Record<string, unknown>;
    expect(body.token_type).toBe('DPoP');
    const errors = validate('200', body);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith('/token_type'))).toBe(true);
    expect(validate('200', { ...body, token_type: 'Bearer' })).toEqual([]);
  });

  it('400 and 401: OAuthError for invalid_scope, invalid_dpop_proof and invalid_client; 429: Error', async () => {
    const url = `${server.server.url}/oauth2/v1/token`;
    const badScope = await postToken(url, tokenForm(await clientAssertion(key, url), 'okta.users.manage'));
    expect(badScope.status).toBe(400);
    expect(validate('400', await badScope.json())).toEqual([]);
    const badProof = await postToken(url, tokenForm(await clientAssertion(key, url)), 'not-a-jwt');
    expect(badProof.status).toBe(400);
    expect(validate('400', await badProof.json())).toEqual([]);
    const badClient = await postToken(
      url,
      tokenForm(await clientAssertion(key, url, { aud: 'https://elsewhere.example.com/oauth2/v1/token' })),
    );
    expect(badClient.status).toBe(401);
    expect(validate('401', await badClient.json())).toEqual([]);
    let limited: Response | undefined;
    for (let i = 0; i < 8 && limited?.status !== 429; i++) limited = await postToken(url, tokenForm('x'));
    expect(limited?.status).toBe(429);
    expect(validate('429', await limited!.json())).toEqual([]);
  });
});
