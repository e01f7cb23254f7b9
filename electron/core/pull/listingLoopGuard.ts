// Notices a listing that goes round in circles: a `next` link, or its `after` cursor, already followed in this
// listing, or a page whose items were all listed already in it (a loop under fresh cursors). Okta's pages never
// overlap completely, so such a page is never a legitimate one; counts are never used (Okta's stats lag).
import { createHash } from 'node:crypto';

/** A page the listing followed, as kept in pull_listing_pages so a resumed pull knows it too. */
export interface FollowedPage {
  link: string;
  itemsKey: string | null;
}

/** Path and query with the parameters sorted and decoded alike (`%20` and `+` are one link); no origin. */
export function canonicalLink(url: string): string {
  const parsed = new URL(url, 'http://placeholder.invalid');
  const params = [...parsed.searchParams].sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
  const query = new URLSearchParams(params).toString();
  return query ? `${parsed.pathname}?${query}` : parsed.pathname;
}

function cursorOf(link: string): string | null {
  return new URL(link, 'http://placeholder.invalid').searchParams.get('after');
}

/** The page's item ids; an item without one (skipped by the writer) is left out, so it cannot hide a repeat. */
function idsOf(items: readonly unknown[]): string[] | null {
  const ids: string[] = [];
  for (const item of items) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.push(id);
  }
  return ids.length > 0 ? ids : null; // without ids the items cannot be compared
}

function itemsKeyOf(ids: readonly string[]): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex')
    .slice(0, 32);
}

export class ListingLoopGuard {
  private readonly links = new Set<string>();
  private readonly cursors = new Set<string>();
  private readonly pageKeys = new Set<string>();
  private readonly itemIds = new Set<string>();

  /** `followed`: what an earlier run of this listing committed (empty for a fresh listing). */
  constructor(followed: readonly FollowedPage[] = []) {
    for (const page of followed) this.remember(page);
  }

  /** Before a request: why following `url` would repeat this listing, or undefined. */
  repeatedLink(url: string): string | undefined {
    const link = canonicalLink(url);
    if (this.links.has(link)) return `its next link ${link} leads back to a page it had already read`;
    const cursor = cursorOf(link);
    if (cursor !== null && this.cursors.has(cursor))
      return `its next link ${link} repeats the cursor after=${cursor} it had already followed`;
    return undefined;
  }

  /**
   * After a page arrived: remembers it, and says why it repeats the listing (every item already listed in it),
   * or undefined. An empty page is never called a repeat: it adds nothing, but it proves no loop either.
   */
  acceptPage(url: string, items: readonly unknown[]): { repeat?: string; followed: FollowedPage } {
    const ids = idsOf(items);
    const followed = { link: canonicalLink(url), itemsKey: ids && ids.length > 0 ? itemsKeyOf(ids) : null };
    const seenPage = followed.itemsKey !== null && this.pageKeys.has(followed.itemsKey);
    const allSeen = ids !== null && ids.length > 0 && (seenPage || ids.every((id) => this.itemIds.has(id)));
    this.remember(followed);
    for (const id of ids ?? []) this.itemIds.add(id);
    if (!allSeen) return { followed };
    return {
      repeat: `the page at ${followed.link} held only items it had already listed (${ids.length} of them)`,
      followed,
    };
  }

  private remember(page: FollowedPage): void {
    this.links.add(page.link);
    const cursor = cursorOf(page.link);
    if (cursor !== null) this.cursors.add(cursor);
    if (page.itemsKey !== null) this.pageKeys.add(page.itemsKey);
  }
}
