// What a proxy, gateway or captive portal in front of Okta does, as fake-server options: headers stripped (limits
// still enforced, 429 with Retry-After), HTML / object / non-object answers, padded bodies; and the per-second count.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/fake-okta/fakeClock';
import { useHarnessPerTest } from './fakeOktaHarness';

const ORG = { seed: 'proxy', users: 10, groups: 3, apps: 2 };
const start = useHarnessPerTest(ORG);

const rateLimitHeaderNames = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('x-rate-limit-'));

describe('fake Okta behind a proxy', () => {
  it('is off by default: every answer carries the X-Rate-Limit-* headers', async () => {
    const harness = await start({});
    expect(rateLimitHeaderNames(await harness.get('/api/v1/users'))).toHaveLength(3);
  });

  it('strips every X-Rate-Limit-* header, still enforces the window, 429s with Retry-After', async () => {
    const clock = createManualClock();
    const harness = await start({
      clock,
      stripRateLimitHeaders: true,
      rateLimits: { buckets: { apps: 2 }, windowMs: 10_000, tokenShare: 1 },
    });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await harness.get('/api/v1/apps'));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 429]);
    for (const response of answers) expect(rateLimitHeaderNames(response)).toEqual([]);
    expect(answers[0]!.headers.get('retry-after')).toBeNull();
    expect(answers[2]!.headers.get('retry-after')).toBe('10');
    clock.advance(4_000);
    expect((await harness.get('/api/v1/apps')).headers.get('retry-after')).toBe('6');
  });

  it('answers a portal page, an object for a list, or a list of non-objects on chosen paths only', async () => {
    const harness = await start({
      oddAnswers: [
        { pathPrefix: '/api/v1/apps', answer: 'html' },
        { pathPrefix: '/api/v1/groups', answer: 'object' },
        { pathPrefix: '/api/v1/users', answer: 'non-object-items' },
      ],
    });
    const html = await harness.get('/api/v1/apps');
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    expect(Array.isArray(await (await harness.get('/api/v1/groups')).json())).toBe(false);
    expect(await (await harness.get('/api/v1/users')).json()).toEqual(['00u1', 42, null]);
    expect((await harness.get('/api/v1/iam/roles')).status).toBe(200);
  });

  it('pads the answer on a chosen path to the size asked for', async () => {
    const harness = await start({ oversizedAnswers: [{ pathPrefix: '/api/v1/groups', bytes: 200_000 }] });
    expect(Number((await harness.get('/api/v1/groups')).headers.get('content-length'))).toBeGreaterThan(200_000);
    expect(Number((await harness.get('/api/v1/apps')).headers.get('content-length'))).toBeLessThan(200_000);
  });

  it('counts the most requests that arrived within any second', async () => {
    const clock = createManualClock();
    const harness = await start({ clock });
    for (const step of [0, 300, 300, 300, 300, 300]) {
      clock.advance(step);
      await harness.get('/api/v1/apps');
    }
    expect(harness.server.stats().maxPerSecond).toBe(4); // t = 0, 300, 600, 900 (1200 drops t = 0 ...)
  });
});
