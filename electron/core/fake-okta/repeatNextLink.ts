// Pipeline stage: one listing whose `next` link goes round in circles, as a buggy org or a proxy in front of it can
// send.
// `same-url`: a page reached through a cursor points back to the first page (a one-page listing points to itself).
// `same-cursor`: a page reached through cursor X points to X again under another URL (an extra parameter).
// `same-items`: every next carries a fresh cursor that serves the first page's items again.
// `endless-new-items`: fresh cursors and items with fresh ids, forever: no loop to see, only a request cap stops it.
import { encodeCursor } from './pagination';
import type { FakeRequest, FakeResponse, Stage } from './pipeline';

export type RepeatingListing =
  'users' | 'deprovisionedUsers' | 'groups' | 'groupMembers' | 'apps' | 'roleAssignees' | 'userRoles';
export type RepeatMode = 'same-url' | 'same-cursor' | 'same-items' | 'endless-new-items';

export interface RepeatNextLinkOptions {
  listing: RepeatingListing;
  mode: RepeatMode;
}

const LISTING_PATHS: Record<RepeatingListing, RegExp> = {
  // Every user listing (the plain one and the DEPROVISIONED filter); `deprovisionedUsers` only the latter.
  users: /^\/api\/v1\/users$/,
  deprovisionedUsers: /^\/api\/v1\/users$/,
  groups: /^\/api\/v1\/groups$/,
  groupMembers: /^\/api\/v1\/groups\/[^/]+\/users$/,
  apps: /^\/api\/v1\/apps$/,
  roleAssignees: /^\/api\/v1\/iam\/assignees\/users$/,
  userRoles: /^\/api\/v1\/users\/[^/]+\/roles$/,
};

/** Cursors this stage invents: `loopN` is served as the first page again (round N). */
const LOOP_CURSOR = /^loop(\d+)$/;

type Items = { id?: unknown }[];

function linkTo(request: FakeRequest, url: URL, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(url.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return `${request.baseUrl}${url.pathname}${query ? `?${query}` : ''}`;
}

function itemsOf(body: unknown): Items | undefined {
  if (Array.isArray(body)) return body as Items;
  const list = Object.values((body ?? {}) as Record<string, unknown>).find(Array.isArray);
  return list as Items | undefined;
}

function realNext(response: FakeResponse): string | undefined {
  const links = ([] as string[]).concat(response.headers.Link ?? []);
  const header = links.map((link) => /^<([^>]*)>;\s*rel="next"/.exec(link)?.[1]).find(Boolean);
  return header ?? (response.body as { _links?: { next?: { href?: string } } } | null)?._links?.next?.href;
}

function withNext(response: FakeResponse, next: string): FakeResponse {
  if (!Array.isArray(response.body)) {
    const body = response.body as Record<string, unknown>;
    return { ...response, body: { ...body, _links: { ...(body._links as object), next: { href: next } } } };
  }
  const links = ([] as string[]).concat(response.headers.Link ?? []).filter((link) => !/rel="next"/.test(link));
  return { ...response, headers: { ...response.headers, Link: [...links, `<${next}>; rel="next"`] } };
}

/** Items with ids no earlier round used (the round's number appended), so nothing looks repeated. */
function withFreshIds(response: FakeResponse, round: number): FakeResponse {
  const fresh = (items: Items) => items.map((item) => ({ ...item, id: `${String(item.id)}r${round}` }));
  if (Array.isArray(response.body)) return { ...response, body: fresh(response.body as Items) };
  const body = response.body as Record<string, unknown>;
  const key = Object.keys(body).find((name) => Array.isArray(body[name]));
  return key ? { ...response, body: { ...body, [key]: fresh(body[key] as Items) } } : response;
}

function nextLinkFor(
  mode: RepeatMode,
  request: FakeRequest,
  asked: URL,
  response: FakeResponse,
  round: number,
): string | undefined {
  const after = asked.searchParams.get('after');
  const real = realNext(response);
  switch (mode) {
    case 'same-url':
      if (after !== null) return linkTo(request, asked, { after: null });
      return real ?? linkTo(request, asked, {});
    case 'same-cursor': {
      if (after !== null)
        return linkTo(request, asked, { repeat: String(Number(asked.searchParams.get('repeat') ?? 0) + 1) });
      const last = itemsOf(response.body)?.at(-1)?.id;
      return real ?? (typeof last === 'string' ? linkTo(request, asked, { after: encodeCursor(last) }) : undefined);
    }
    case 'same-items':
    case 'endless-new-items':
      return linkTo(request, asked, { after: `loop${round + 1}` });
  }
}

export function repeatNextLink(options: RepeatNextLinkOptions): Stage {
  const pattern = LISTING_PATHS[options.listing];
  return async (request, next) => {
    if (request.method !== 'GET' || !pattern.test(request.url.pathname)) return next();
    if (options.listing === 'deprovisionedUsers' && !/DEPROVISIONED/.test(request.url.searchParams.get('filter') ?? ''))
      return next();
    const asked = new URL(request.url);
    const round = Number(LOOP_CURSOR.exec(asked.searchParams.get('after') ?? '')?.[1] ?? 0);
    if (round > 0) request.url.searchParams.delete('after'); // an invented cursor: serve the first page again
    const response = await next();
    if (response.status !== 200) return response;
    const link = nextLinkFor(options.mode, request, asked, response, round);
    const answer = options.mode === 'endless-new-items' && round > 0 ? withFreshIds(response, round) : response;
    return link === undefined ? answer : withNext(answer, link);
  };
}
