// `okta-prep pull` against an org whose user listing never ends (fresh cursors, fresh users): the pull pauses at its
// request cap with exit 5 and says how to resume; --resume gets another allowance and pauses again the same way.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'cli-paused-token-SECRET-41c0';
const tempDir = useTempDirs();
let server: FakeOktaServer;

beforeAll(async () => {
  const org = generateOrg({ seed: 'cli-paused', users: 120, groups: 15, apps: 8 });
  server = await startFakeOktaServer({
    org,
    apiToken: TOKEN,
    repeatNextLink: { listing: 'users', mode: 'endless-new-items' },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('okta-prep pull at its request cap', () => {
  it('pauses with exit 5 and the resume command; --resume pauses again after another allowance', async () => {
    const db = path.join(tempDir(), 'cache.sqlite');
    const env = { OKTA_API_TOKEN: TOKEN };
    const first = await runCli(['pull', '--org', server.url, '--db', db], { env });
    expect(first.code).toBe(5);
    const said = new RegExp(
      String.raw`okta-prep: pull paused: this pull made (\d+) requests, 3× its estimate of (\d+) \+ 100; ` +
        'Okta may be looping',
    ).exec(first.stderr);
    expect(said, first.stderr).not.toBeNull();
    const [made, estimate] = [Number(said![1]), Number(said![2])];
    expect(made).toBe(3 * estimate + 100);
    expect(first.stderr).toContain(
      `Resume with "okta-prep pull --org ${server.url} --resume" to allow another ${made} requests, or leave it.`,
    );
    expect(first.stderr + first.stdout).not.toContain(TOKEN);

    const listed = await runCli(['snapshots', '--db', db, '--json']);
    const [snapshot] = JSON.parse(listed.stdout) as { status: string; errorMessage: string }[];
    expect(snapshot!.status).toBe('failed');
    expect(snapshot!.errorMessage).toMatch(/^paused: this pull made/);

    const before = server.requestCount();
    const resumed = await runCli(['pull', '--org', server.url, '--db', db, '--resume'], { env });
    expect(resumed.code).toBe(5);
    expect(resumed.stderr).toMatch(/pull paused: this pull made \d+ requests/);
    // The resume reads no counts again (its estimate is stored) and gets exactly another allowance.
    expect(server.requestCount() - before).toBe(made);
  }, 120_000);
});
