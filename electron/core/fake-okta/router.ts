// Matches a request path against the route table (":name" segments become params); unknown path 404, other method 405.
import { methodNotAllowed, notFound } from './errors';
import type { FakeRequest, FakeResponse, Terminal } from './pipeline';

export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler = (request: FakeRequest, params: RouteParams) => FakeResponse | Promise<FakeResponse>;

export interface Route {
  /** e.g. "/api/v1/users/:userId/roles". Every route is GET: the fake org is read-only. */
  path: string;
  handler: RouteHandler;
}

interface CompiledRoute {
  segments: readonly string[];
  handler: RouteHandler;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function match(route: CompiledRoute, segments: readonly string[]): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const expected = route.segments[i] as string;
    const actual = segments[i] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The last stage of the pipeline. Literal segments win over params ("/groups/rules" before "/groups/:id"). */
export function createRouter(routes: readonly Route[]): Terminal {
  const compiled: CompiledRoute[] = routes
    .map((route) => ({ segments: splitPath(route.path), handler: route.handler }))
    .sort(
      (a, b) => a.segments.filter((s) => s.startsWith(':')).length - b.segments.filter((s) => s.startsWith(':')).length,
    );
  return (request) => {
    const segments = splitPath(request.url.pathname).map(decodeSegment);
    for (const route of compiled) {
      const params = match(route, segments);
      if (!params) continue;
      if (request.method !== 'GET') throw methodNotAllowed(request.method);
      return route.handler(request, params);
    }
    throw notFound(`${request.url.pathname} (Path)`);
  };
}
