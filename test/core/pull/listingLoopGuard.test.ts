// The loop guard of one listing: a repeated link (however its query is spelled), a repeated cursor, or a page of
// items all listed already is a loop; an empty page is not; a legitimate Okta-style listing never trips it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalLink, ListingLoopGuard } from '../../../electron/core/pull/listingLoopGuard';
import { parseLinks, startHarness, type Harness } from '../fake-okta/fakeOktaHarness';

const page = (...ids: string[]) => ids.map((id) => ({ id }));
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ seed: 'guard', users: 1100, groups: 40, apps: 5 });
});
afterAll(async () => {
  await harness?.server.close();
});

describe('ListingLoopGuard', () => {
  it('treats one link spelled two ways (origin, parameter order, %20 or +) as the same link', () => {
    expect(canonicalLink('https://acme.okta.com/api/v1/users?limit=200&filter=status%20eq%20%22X%22')).toBe(
      canonicalLink('/api/v1/users?filter=status+eq+%22X%22&limit=200'),
    );
    const guard = new ListingLoopGuard();
    guard.acceptPage('https://acme.okta.com/api/v1/users?limit=200&filter=a%20b', page('u1'));
    expect(guard.repeatedLink('/api/v1/users?filter=a+b&limit=200')).toMatch(
      /leads back to a page it had already read/,
    );
  });

  it('sees a cursor already followed under another URL', () => {
    const guard = new ListingLoopGuard();
    guard.acceptPage('/api/v1/users?limit=200', page('u1'));
    expect(guard.repeatedLink('/api/v1/users?after=c1&limit=200')).toBeUndefined();
    guard.acceptPage('/api/v1/users?after=c1&limit=200', page('u2'));
    expect(guard.repeatedLink('/api/v1/users?after=c1&limit=100')).toMatch(/repeats the cursor after=c1/);
  });

  it('calls a page of items all listed already a repeat, but not a page with one new item, nor an empty page', () => {
    const guard = new ListingLoopGuard();
    expect(guard.acceptPage('/x?after=a', page('1', '2', '3')).repeat).toBeUndefined();
    expect(guard.acceptPage('/x?after=b', page('3', '4')).repeat).toBeUndefined();
    expect(guard.acceptPage('/x?after=c', []).repeat).toBeUndefined();
    expect(guard.acceptPage('/x?after=d', page('4', '1')).repeat).toMatch(
      /the page at \/x\?after=d held only items it had already listed \(2 of them\)/,
    );
  });

  it('knows the pages an earlier run followed: their links and, by fingerprint, their items', () => {
    const first = new ListingLoopGuard();
    const followed = first.acceptPage('/api/v1/groups/g1/users?limit=1000', page('u1', 'u2')).followed;
    const resumed = new ListingLoopGuard([followed]);
    expect(resumed.repeatedLink('/api/v1/groups/g1/users?limit=1000')).toBeDefined();
    expect(resumed.acceptPage('/api/v1/groups/g1/users?after=loop1&limit=1000', page('u2', 'u1')).repeat).toBeDefined();
  });

  it('never trips on legitimate listings of the fake org (users, group members, groups, apps)', async () => {
    const everyone = (await harness.getJson<{ id: string; type: string }[]>('/api/v1/groups?limit=200')).find(
      (group) => group.type === 'BUILT_IN',
    )!;
    const listings = [
      '/api/v1/users?limit=7',
      `/api/v1/groups/${everyone.id}/users?limit=100`,
      '/api/v1/groups?limit=3',
      '/api/v1/apps?limit=1',
    ];
    for (const first of listings) {
      const guard = new ListingLoopGuard();
      let pages = 0;
      for (let url: string | undefined = first; url; pages++) {
        expect(guard.repeatedLink(url), url).toBeUndefined();
        const response = await harness.get(url);
        expect(guard.acceptPage(url, (await response.json()) as unknown[]).repeat, url).toBeUndefined();
        url = parseLinks(response.headers.get('link')).next;
      }
      expect(pages, first).toBeGreaterThan(4);
    }
  });
});
