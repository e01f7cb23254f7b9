// Checks that a page's JSON has the shape a list must have — a list of JSON objects, where the list is expected —
// so a proxy's or a wrong endpoint's answer fails that request plainly instead of landing in the snapshot.
import { OktaError } from './oktaErrors';

/** Where a page's items are: a bare array body, or a property of an object body with `_links.next` (the /iam endpoints). */
export type PageShape = { kind: 'array' } | { kind: 'object'; itemsKey: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a JSON object' : `a ${typeof value}`;
}

function wrongShape(orgUrl: string, what: string, detail: string): OktaError {
  return new OktaError('request', `${orgUrl} answered the list of ${what} with ${detail}; that is not an Okta list — check the org URL and whether a proxy rewrites the answers.`);
}

/** The page's items, each a JSON object; throws a plain error for any other shape. */
export function pageItems(body: unknown, shape: PageShape, orgUrl: string, what: string): Record<string, unknown>[] {
  let items: unknown;
  if (shape.kind === 'array') {
    if (!Array.isArray(body)) throw wrongShape(orgUrl, what, `${describe(body)} where a list belongs`);
    items = body;
  } else {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw wrongShape(orgUrl, what, `${describe(body)} where a JSON object belongs`);
    items = (body as Record<string, unknown>)[shape.itemsKey];
    if (!Array.isArray(items)) throw wrongShape(orgUrl, what, `${describe(items)} as "${shape.itemsKey}" where a list belongs`);
  }
  const list = items as unknown[];
  const odd = list.findIndex((item) => item === null || typeof item !== 'object' || Array.isArray(item));
  if (odd !== -1) throw wrongShape(orgUrl, what, `${describe(list[odd])} as item ${odd + 1} of ${list.length}, where each item is a JSON object`);
  return list as Record<string, unknown>[];
}
