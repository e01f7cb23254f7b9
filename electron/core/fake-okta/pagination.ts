// Okta-style cursor pagination: limit parsing/clamping, opaque `after` cursors, page slicing and Link headers.
import { validationFailed } from './errors';
import type { FakeRequest } from './pipeline';
import { indexAfter, type KeyOf } from './sortedLists';

export interface LimitRule {
  defaultLimit: number;
  max: number;
  /** Okta clamps small limits up on some endpoints (app groups: 20). */
  min?: number;
}

/** Reads `limit`: absent -> default; out of range -> clamped into [min, max]; not a number -> 400. */
export function parseLimit(request: FakeRequest, rule: LimitRule): number {
  const raw = request.url.searchParams.get('limit');
  if (raw === null || raw.trim() === '') return rule.defaultLimit;
  if (!/^-?\d+$/.test(raw.trim())) throw validationFailed('limit', `'${raw}' is not a valid integer`);
  const value = Number(raw);
  if (value <= 0) return Math.max(rule.min ?? 1, rule.defaultLimit);
  return Math.min(rule.max, Math.max(rule.min ?? 1, value));
}

const CURSOR_PREFIX = 'after:';

/** Cursors are opaque on purpose (base64url of a marker plus the last key), so clients must follow links as-is. */
export function encodeCursor(lastKey: string): string {
  return Buffer.from(CURSOR_PREFIX + lastKey, 'utf8').toString('base64url');
}

/** The key after which the requested page starts, or null for the first page. Bad cursors are a 400. */
export function parseAfter(request: FakeRequest): string | null {
  const raw = request.url.searchParams.get('after');
  if (raw === null || raw === '') return null;
  const decoded = /^[A-Za-z0-9_-]+$/.test(raw) ? Buffer.from(raw, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(CURSOR_PREFIX)) throw validationFailed('after', 'invalid pagination cursor');
  return decoded.slice(CURSOR_PREFIX.length);
}

export interface Page<T> {
  items: T[];
  /** Key of the last item when more matching items follow, else null. */
  nextAfter: string | null;
}

/** The next `limit` items of a key-sorted list after `afterKey` that pass `matches`. */
export function takePage<T>(
  sorted: readonly T[],
  keyOf: KeyOf<T>,
  afterKey: string | null,
  limit: number,
  matches: (item: T) => boolean = () => true,
): Page<T> {
  const items: T[] = [];
  let index = indexAfter(sorted, afterKey, keyOf);
  for (; index < sorted.length && items.length < limit; index++) {
    const item = sorted[index] as T;
    if (matches(item)) items.push(item);
  }
  // Only promise a next page when one more match exists: no empty last page, like a well-behaved Okta list.
  let more = false;
  for (; index < sorted.length && !more; index++) more = matches(sorted[index] as T);
  const last = items[items.length - 1];
  return { items, nextAfter: more && last !== undefined ? keyOf(last) : null };
}

/** Absolute URL of this request (the `self` link). */
export function selfUrl(request: FakeRequest): string {
  return `${request.baseUrl}${request.url.pathname}${request.url.search}`;
}

/** Same path and query (filter, expand ...) with `after` and `limit` replaced. */
export function nextPageUrl(request: FakeRequest, nextAfter: string, limit: number): string {
  const params = new URLSearchParams();
  params.set('after', encodeCursor(nextAfter));
  params.set('limit', String(limit));
  for (const [name, value] of request.url.searchParams)
    if (name !== 'after' && name !== 'limit') params.append(name, value);
  return `${request.baseUrl}${request.url.pathname}?${params.toString()}`;
}

/** RFC 8288 Link header values, one per relation, as Okta sends them. */
export function linkHeader(request: FakeRequest, page: Pick<Page<unknown>, 'nextAfter'>, limit: number): string[] {
  const links = [`<${selfUrl(request)}>; rel="self"`];
  if (page.nextAfter !== null) links.push(`<${nextPageUrl(request, page.nextAfter, limit)}>; rel="next"`);
  return links;
}
