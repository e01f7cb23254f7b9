// Checks that a page's JSON has the shape a list must have — a list of JSON objects, where the list is expected —
// so a proxy's or a wrong endpoint's answer fails that request plainly instead of landing in the snapshot.
import { OktaError } from './oktaErrors';

/**
 * Where a page's items are: a bare array body, or a property of an object body with `_links.next` (the /iam endpoints).
 */
export type PageShape = { kind: 'array' } | { kind: 'object'; itemsKey: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a JSON object' : `a ${typeof value}`;
}

function wrongShape(orgUrl: string, what: string, detail: string): OktaError {
  return new OktaError(
    'request',
    `${orgUrl} answered the list of ${what} with ${detail}; that is not an Okta list — check the org URL and ` +
      `whether a proxy rewrites the answers.`,
  );
}

/**
 * The page's items; throws a plain error for a body that is not an Okta list. A list in which no item is a JSON object
 * is not Okta's either; a list with a stray null or string among objects is, and the snapshot writer skips the odd
 * item with a warning (a value, not a reason to lose the page).
 */
export function pageItems(body: unknown, shape: PageShape, orgUrl: string, what: string): unknown[] {
  let items: unknown;
  if (shape.kind === 'array') {
    if (!Array.isArray(body)) throw wrongShape(orgUrl, what, `${describe(body)} where a list belongs`);
    items = body;
  } else {
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw wrongShape(orgUrl, what, `${describe(body)} where a JSON object belongs`);
    items = (body as Record<string, unknown>)[shape.itemsKey];
    if (!Array.isArray(items))
      throw wrongShape(orgUrl, what, `${describe(items)} as "${shape.itemsKey}" where a list belongs`);
  }
  const list = items as unknown[];
  const isObject = (item: unknown) => item !== null && typeof item === 'object' && !Array.isArray(item);
  if (list.length > 0 && !list.some(isObject)) {
    throw wrongShape(
      orgUrl,
      what,
      `a list of ${list.length} items none of which is a JSON object (the first is ${describe(list[0])})`,
    );
  }
  return list;
}
