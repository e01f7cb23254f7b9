// Pipeline stage: per-object permission. A group-scoped (or app-scoped) admin can read some objects and not others:
// every listing under a denied object's id (a group's members or roles, an app's users or groups, a user's roles or
// factors) answers 403 E0000006, while the object itself still appears in its kind's listing.
import { accessDenied } from './errors';
import type { Stage } from './pipeline';

/** The object id a sub-listing reads (`/api/v1/{family}/{id}/{listing}`), or undefined for any other path. */
export function objectOfSubListing(pathname: string): string | undefined {
  const [api, version, family, id, sub] = pathname.split('/').filter((segment) => segment !== '');
  if (api !== 'api' || version !== 'v1' || family === 'iam' || id === undefined || sub === undefined) return undefined;
  return decodeURIComponent(id);
}

export function denyObjects(deniedObjects: readonly string[]): Stage {
  const denied = new Set(deniedObjects);
  return async (request, next) => {
    const objectId = objectOfSubListing(request.url.pathname);
    if (objectId !== undefined && denied.has(objectId)) throw accessDenied();
    return next();
  };
}
