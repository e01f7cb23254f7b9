// The fake server's repeating-next misbehaviour: each mode rewrites the listing's next link (Link header or body
// _links.next) the way it says; other listings and a server without the option page normally.
import { afterEach, describe, expect, it } from 'vitest';
import type { RepeatNextLinkOptions } from '../../../electron/core/fake-okta/repeatNextLink';
import { parseLinks, startHarness, type Harness } from './fakeOktaHarness';

const ORG = { seed: 'repeat-next', users: 50, groups: 5, apps: 3 };
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.server.close();
  harness = undefined;
});

const start = async (repeat?: RepeatNextLinkOptions) =>
  (harness = await startHarness(ORG, repeat ? { repeatNextLink: repeat } : {}));
const pathOf = (url: string) => url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '');

async function nextOf(h: Harness, url: string): Promise<{ next: string | undefined; ids: string[] }> {
  const response = await h.get(url);
  expect(response.status).toBe(200);
  const body = (await response.json()) as
    { id: string }[] | { value: { id: string }[]; _links: { next?: { href: string } } };
  if (Array.isArray(body))
    return { next: parseLinks(response.headers.get('link')).next, ids: body.map((item) => item.id) };
  return { next: body._links.next?.href, ids: body.value.map((item) => item.id) };
}

describe('fake Okta: repeatNextLink', () => {
  it('is off by default: the users listing ends', async () => {
    const h = await start();
    expect((await h.walkLinks('/api/v1/users?limit=20')).items).toHaveLength(
      h.org.users.filter((u) => u.status !== 'DEPROVISIONED').length,
    );
  });

  it('same-url: a page reached by cursor links back to the first; a one-page listing to itself', async () => {
    const h = await start({ listing: 'users', mode: 'same-url' });
    const first = await nextOf(h, '/api/v1/users?limit=20');
    const second = await nextOf(h, first.next!);
    expect(pathOf(second.next!)).toBe('/api/v1/users?limit=20');
    expect(pathOf((await nextOf(h, '/api/v1/users?limit=200')).next!)).toBe('/api/v1/users?limit=200');
    // Another listing is untouched.
    expect((await nextOf(h, '/api/v1/groups?limit=200')).next).toBeUndefined();
  });

  it('same-cursor: the next link repeats the cursor of its page under another URL (_links.next)', async () => {
    const h = await start({ listing: 'roleAssignees', mode: 'same-cursor' });
    const first = await nextOf(h, '/api/v1/iam/assignees/users?limit=100');
    const cursor = new URL(first.next!).searchParams.get('after');
    expect(cursor).toBeTruthy();
    const second = await nextOf(h, first.next!);
    expect(second.ids).toEqual([]);
    expect(new URL(second.next!).searchParams.get('after')).toBe(cursor);
    expect(second.next).not.toBe(first.next);
  });

  it('same-items: fresh cursors, the first page again; endless-new-items: fresh cursors and ids', async () => {
    const h = await start({ listing: 'groupMembers', mode: 'same-items' });
    const group = h.org.groups[0]!.id;
    const first = await nextOf(h, `/api/v1/groups/${group}/users?limit=1000`);
    const second = await nextOf(h, first.next!);
    expect(second.ids).toEqual(first.ids);
    expect(second.next).not.toBe(first.next);
    await h.server.close();

    const endless = await start({ listing: 'users', mode: 'endless-new-items' });
    let url: string | undefined = '/api/v1/users?limit=200';
    const seen = new Set<string>();
    for (let page = 0; page < 5; page++) {
      const { next, ids } = await nextOf(endless, url!);
      for (const id of ids) expect(seen.has(id)).toBe(false);
      for (const id of ids) seen.add(id);
      url = next;
    }
    expect(url).toBeDefined();
  });
});
