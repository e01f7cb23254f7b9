// Pagination that cannot run forever, on the real fake server and a real SQLite file: a `next` link that repeats a
// URL, a cursor, or only items already listed stops that listing with a gap and a warning while the rest of the
// snapshot is complete; a resume does not start the same loop again; a listing that never ends with new items is
// paused by the request cap, and a resume grants a fresh allowance.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import type { RepeatNextLinkOptions } from '../../electron/core/fake-okta/repeatNextLink';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg, PullPaused, type PullOptions, type PullResult } from '../../electron/core/pull/pullOrg';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { getSnapshot } from '../../electron/core/store/snapshots';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'repeating-pages-token';
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
let org: FakeOrg;
let clean: PullResult;

async function serve(repeat?: RepeatNextLinkOptions): Promise<FakeOktaServer> {
  const server = await startFakeOktaServer({ org, apiToken: TOKEN, repeatNextLink: repeat });
  servers.push(server);
  return server;
}

/** A client that also records the path and query of every request it sends. */
function clientFor(server: FakeOktaServer): { client: OktaClient; asked: string[] } {
  const asked: string[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    asked.push(`${url.pathname}${url.search}`);
    return fetch(input, init);
  };
  return { client: new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN), fetchImpl }), asked };
}

async function pull(server: FakeOktaServer, db: Db, options: Partial<PullOptions> = {}) {
  const { client, asked } = clientFor(server);
  const result = await pullOrg({ db, client, includeFactors: false, appVersion: 'test', ...options });
  return { result, asked };
}

const newDb = () => openDatabase(path.join(tempDir(), 'cache.sqlite'));

beforeAll(async () => {
  // 600 users: three pages of users at limit=200, so a later page can point back to the first.
  org = generateOrg({ seed: 'repeating', users: 600, groups: 30, apps: 8 });
  const db = newDb();
  clean = (await pull(await serve(), db)).result;
  db.close();
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

function expectRestComplete(result: PullResult): void {
  expect(result.counts.groups).toBe(clean.counts.groups);
  expect(result.counts.apps).toBe(clean.counts.apps);
  expect(result.counts.appGroupAssignments).toBe(clean.counts.appGroupAssignments);
  expect(result.counts.appUserAssignments).toBe(clean.counts.appUserAssignments);
}

describe('a listing whose next link repeats', () => {
  it('users (Link back to page 1): stops with a gap naming endpoint and link; the rest is whole', async () => {
    const db = newDb();
    const { result, asked } = await pull(await serve({ listing: 'users', mode: 'same-url' }), db);
    expect(getSnapshot(db, result.snapshotId)!.status).toBe('complete');
    const gap = result.gaps.find((candidate) => candidate.objectKind === 'users');
    expect(gap).toMatchObject({ reason: 'repeating-page-link' });
    expect(gap!.message).toMatch(
      /^Okta's listing of users at \/api\/v1\/users was stopped: its next link \/api\/v1\/users\?/,
    );
    // Both user listings (plain and DEPROVISIONED) loop; each is named in the snapshot's log.
    const said = result.warnings
      .filter((warning) => warning.code === 'repeating-page-link')
      .map((warning) => warning.message);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/next link \/api\/v1\/users\?limit=200 leads back to a page it had already read/),
        expect.stringMatching(
          /next link \/api\/v1\/users\?filter=status\+eq\+%22DEPROVISIONED%22&limit=200 leads back/,
        ),
      ]),
    );
    expect(said.join('\n')).not.toContain(TOKEN);
    // Pages 1 and 2 of the plain listing, then the loop is seen before asking page 1 again.
    expect(asked.filter((url) => /^\/api\/v1\/users\?(after=[^&]+&)?limit=200$/.test(url))).toHaveLength(2);
    expect(result.requests).toBeLessThanOrEqual(clean.requests + 1);
    expectRestComplete(result);
    expect(result.counts.groupMemberships).toBe(clean.counts.groupMemberships);
    db.close();
  }, 60_000);

  it('group members (same items, fresh cursor): each listing stops after its second page', async () => {
    const db = newDb();
    const { result, asked } = await pull(await serve({ listing: 'groupMembers', mode: 'same-items' }), db);
    expect(getSnapshot(db, result.snapshotId)!.status).toBe('complete');
    const gap = result.gaps.find((candidate) => candidate.objectKind === 'group members');
    expect(gap).toMatchObject({ reason: 'repeating-page-link' });
    expect(gap!.message).toMatch(
      new RegExp(
        String.raw`/api/v1/groups/[^/ ]+/users was stopped: ` +
          String.raw`the page at \S+after=loop1\S* held only items it had already listed`,
      ),
    );
    const memberListings = asked.filter((url) => /\/api\/v1\/groups\/[^/]+\/users/.test(url));
    const groupsListed = new Set(memberListings.map((url) => url.split('?')[0])).size;
    expect(memberListings).toHaveLength(2 * groupsListed);
    expect(result.counts.groupMemberships).toBe(clean.counts.groupMemberships); // the first page held them all
    expect(result.counts.users).toBe(clean.counts.users);
    expectRestComplete(result);
    db.close();
  }, 60_000);

  it('role assignees (body _links.next repeats its cursor): stops; revealed user roles still read', async () => {
    const db = newDb();
    const { result, asked } = await pull(await serve({ listing: 'roleAssignees', mode: 'same-cursor' }), db);
    expect(getSnapshot(db, result.snapshotId)!.status).toBe('complete');
    const gap = result.gaps.find((candidate) => candidate.objectKind === 'admin roles');
    expect(gap).toMatchObject({ reason: 'repeating-page-link' });
    expect(gap!.message).toMatch(
      new RegExp(
        String.raw`/api/v1/iam/assignees/users was stopped: ` +
          String.raw`its next link \S+ repeats the cursor after=\S+ it had already followed`,
      ),
    );
    expect(asked.filter((url) => url.startsWith('/api/v1/iam/assignees/users'))).toHaveLength(2);
    expect(result.counts.userRoleAssignments).toBe(clean.counts.userRoleAssignments);
    expect(result.counts.users).toBe(clean.counts.users);
    expectRestComplete(result);
    db.close();
  }, 60_000);

  it('user roles (a Link next on an unpaged listing): each stops after one page, all roles there', async () => {
    const db = newDb();
    const { result } = await pull(await serve({ listing: 'userRoles', mode: 'same-url' }), db);
    expect(result.gaps).toEqual([
      expect.objectContaining({ objectKind: 'admin roles', reason: 'repeating-page-link' }),
    ]);
    expect(result.counts.userRoleAssignments).toBe(clean.counts.userRoleAssignments);
    expect(result.requests).toBe(clean.requests);
    db.close();
  }, 60_000);
});

describe('resuming a pull stopped in the middle of a loop', () => {
  it('does not follow the repeated link again: the listing ends at once with its gap', async () => {
    const server = await serve({ listing: 'users', mode: 'same-url' });
    const db = newDb();
    const first = await pull(server, db);
    // The state a SIGKILL leaves between committing page 2 (whose next leads back to page 1) and stopping the
    // listing: the task is open again at the repeated link, the gap and warning not yet written.
    const id = first.result.snapshotId;
    db.prepare(`UPDATE pull_tasks SET done = 0, next_url = ? WHERE snapshot_id = ? AND task_key = 'users'`).run(
      `${server.url}/api/v1/users?limit=200`,
      id,
    );
    db.prepare(`DELETE FROM snapshot_gaps WHERE snapshot_id = ?`).run(id);
    db.prepare(`DELETE FROM snapshot_log WHERE snapshot_id = ?`).run(id);
    db.prepare(`UPDATE snapshots SET status = 'failed' WHERE id = ?`).run(id);
    db.close();

    const reopened = openDatabase(db.name);
    const resumed = await pull(server, reopened, { resumeSnapshotId: id });
    expect(resumed.asked.filter((url) => url.startsWith('/api/v1/users?'))).toEqual([]);
    expect(resumed.result.gaps).toEqual([
      expect.objectContaining({ objectKind: 'users', reason: 'repeating-page-link' }),
    ]);
    expect(getSnapshot(reopened, id)!.status).toBe('complete');
    reopened.close();
  }, 60_000);

  it('remembers items read before the stop: a fresh cursor serving them ends the listing at once', async () => {
    const server = await serve({ listing: 'groupMembers', mode: 'same-items' });
    const db = newDb();
    const first = await pull(server, db);
    const id = first.result.snapshotId;
    const task = db
      .prepare(`SELECT task_key FROM pull_tasks WHERE snapshot_id = ? AND task_key LIKE 'group-members:%' LIMIT 1`)
      .pluck()
      .get(id) as string;
    const groupId = task.slice('group-members:'.length);
    // Reopened after page 1 was committed with its next link (a fresh cursor that serves page 1 again).
    db.prepare(`UPDATE pull_tasks SET done = 0, next_url = ? WHERE snapshot_id = ? AND task_key = ?`).run(
      `${server.url}/api/v1/groups/${groupId}/users?limit=1000&after=loop1`,
      id,
      task,
    );
    db.prepare(`DELETE FROM snapshot_gaps WHERE snapshot_id = ?`).run(id);
    db.prepare(`UPDATE snapshots SET status = 'failed' WHERE id = ?`).run(id);
    db.close();

    const reopened = openDatabase(db.name);
    const resumed = await pull(server, reopened, { resumeSnapshotId: id });
    expect(resumed.asked.filter((url) => url.startsWith(`/api/v1/groups/${groupId}/users`))).toHaveLength(1);
    expect(resumed.result.gaps).toEqual([
      expect.objectContaining({ objectKind: 'group members', reason: 'repeating-page-link' }),
    ]);
    reopened.close();
  }, 60_000);
});

describe('the request cap', () => {
  it('lets a legitimate pull finish even at 1× its estimate + 100, factors included', async () => {
    const db = newDb();
    const { result } = await pull(await serve(), db, { requestCapMultiplier: 1, includeFactors: true });
    expect(getSnapshot(db, result.snapshotId)!.status).toBe('complete');
    expect(result.gaps).toEqual([]);
    db.close();
  }, 60_000);

  it('pauses an endless listing of new deprovisioned users, though each page raises the estimate', async () => {
    const server = await serve({ listing: 'deprovisionedUsers', mode: 'endless-new-items' });
    const db = newDb();
    const { client, asked } = clientFor(server);
    const paused = await pullOrg({ db, client, includeFactors: false, appVersion: 'test' }).catch(
      (error: unknown) => error,
    );
    expect(paused).toBeInstanceOf(PullPaused);
    // It was that listing that ran on: the plain user listing ended after its three pages.
    const deprovisionedPages = asked.filter((request) => request.includes('DEPROVISIONED')).length;
    expect(deprovisionedPages).toBeGreaterThan(asked.length / 2);
    expect((paused as PullPaused).message).toMatch(/^paused: this pull made \d+ requests, 3× its estimate/);
    db.close();
  }, 60_000);

  it('pauses a listing that never ends with new items, resumably; a resume grants a fresh allowance', async () => {
    const server = await serve({ listing: 'users', mode: 'endless-new-items' });
    const db = newDb();
    const { client } = clientFor(server);
    const paused = await pullOrg({
      db,
      client,
      includeFactors: false,
      appVersion: 'test',
      requestCapMultiplier: 1,
    }).catch((error: unknown) => error);
    expect(paused).toBeInstanceOf(PullPaused);
    // The other families were not starved while the endless listing ran: the apps listing got its answer.
    expect(db.prepare(`SELECT count(*) FROM apps`).pluck().get()).toBe(clean.counts.apps);
    const message = (paused as PullPaused).message;
    expect(message).toMatch(
      /^paused: this pull made (\d+) requests, 1× its estimate of (\d+) \+ 100; Okta may be looping/,
    );
    const [, made, estimate] = /made (\d+) requests, 1× its estimate of (\d+)/.exec(message)!.map(Number);
    expect(made).toBe(estimate! + 100);
    // The gate stops every request beyond the cap; only the one read of Okta's counts comes before it.
    expect(client.stats.requests).toBe(made! + 1);
    const snapshot = getSnapshot(db, (paused as PullPaused).snapshotId)!;
    expect(snapshot.status).toBe('failed');
    expect(snapshot.errorMessage).toMatch(/^paused: /);

    const again = clientFor(server).client;
    const second = await pullOrg({
      db,
      client: again,
      includeFactors: false,
      appVersion: 'test',
      requestCapMultiplier: 1,
      resumeSnapshotId: snapshot.id,
    }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(PullPaused);
    // The stored estimate is reused (no new count read) and the allowance starts again from zero.
    expect(again.stats.requests).toBeGreaterThanOrEqual(made!);
    expect((second as PullPaused).message).toMatch(/^paused: this pull made \d+ requests/);
    db.close();
  }, 60_000);
});
