// The rate-limit governor on its own: budgets learned from headers, the share left to other integrations,
// 429 waits (reset − Date + 1 s), jittered concurrency back-off and the cap on requests in flight.
import { describe, expect, it } from 'vitest';
import {
  MAX_RETRY_AFTER_MS,
  RateLimitGovernor,
  readRateLimitHeaders,
} from '../../../electron/core/okta/rateLimitGovernor';

const nowMs = 1_700_000_000_000;
const clock = { now: nowMs };
const governor = (options: { share?: number; maxConcurrency?: number } = {}) =>
  new RateLimitGovernor({ ...options, now: () => clock.now, random: () => 0.5 });
const headers = (limit: number, remaining: number, resetInSeconds = 60) => ({
  limit,
  remaining,
  reset: Math.ceil(clock.now / 1000) + resetInSeconds,
  serverDateMs: clock.now,
});

/** Starts requests until one would have to wait; returns how many started at once. */
async function startable(g: RateLimitGovernor, bucket: 'apps' | 'users', max = 200): Promise<number> {
  let started = 0;
  for (; started < max; started++) {
    const controller = new AbortController();
    const attempt = g.acquire(bucket, controller.signal);
    const winner = await Promise.race([
      attempt.then(() => 'started'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 20)),
    ]);
    if (winner === 'waiting') {
      controller.abort();
      await attempt.catch(() => {});
      break;
    }
  }
  return started;
}

describe('RateLimitGovernor', () => {
  it('refuses a share outside 0.1..1', () => {
    expect(() => new RateLimitGovernor({ share: 0 })).toThrow(/between 0.1 and 1/);
    expect(() => new RateLimitGovernor({ share: 1.5 })).toThrow(/between 0.1 and 1/);
  });

  it('probes a new bucket with one request until its headers arrive', async () => {
    const g = governor();
    expect(await startable(g, 'apps', 5)).toBe(1);
  });

  it('uses at most the share of what the headers report, leaving the rest to other integrations', async () => {
    const g = governor({ share: 0.5, maxConcurrency: 500 });
    g.observe('apps', headers(100, 100));
    expect(await startable(g, 'apps')).toBe(50);
    const full = governor({ share: 1, maxConcurrency: 500 });
    full.observe('apps', headers(100, 100));
    expect(await startable(full, 'apps')).toBe(100);
  });

  it('counts other integrations: a bucket already half used leaves only what is above the reserve', async () => {
    const g = governor({ share: 0.8, maxConcurrency: 500 });
    g.observe('users', headers(600, 300)); // someone else used 300
    expect(await startable(g, 'users', 400)).toBe(300 - 120);
  });

  it('keeps the smallest remaining of one window (responses arrive out of order) and resets on a new window', () => {
    const g = governor();
    g.observe('apps', headers(100, 40));
    g.observe('apps', headers(100, 60)); // older response of the same window
    expect(g.snapshot().find((b) => b.bucket === 'apps')!.remaining).toBe(40);
    g.observe('apps', headers(100, 99, 120)); // next window
    expect(g.snapshot().find((b) => b.bucket === 'apps')!.remaining).toBe(99);
  });

  it('caps requests in flight across buckets', async () => {
    const g = governor({ maxConcurrency: 3 });
    g.observe('apps', headers(1000, 1000));
    expect(await startable(g, 'apps')).toBe(3);
  });

  it('waits for the reset after a bucket 429: reset − Date + 1 s', () => {
    const g = governor();
    const wait = g.onRateLimited(
      'apps',
      {
        limit: 100,
        remaining: 0,
        reset: Math.ceil(clock.now / 1000) + 7,
        serverDateMs: Math.ceil(clock.now / 1000) * 1000,
      },
      0,
    );
    expect(wait).toBe(8000);
  });

  it('backs off with jitter after a concurrency 429 (limit and remaining 0), growing with each attempt', () => {
    const g = governor();
    const first = g.onRateLimited('apps', { limit: 0, remaining: 0, reset: 0 }, 0);
    const third = g.onRateLimited('apps', { limit: 0, remaining: 0, reset: 0 }, 2);
    expect(first).toBe(500); // 500 ms × (0.5 + 0.5)
    expect(third).toBe(2000);
    expect(g.snapshot().find((b) => b.bucket === 'apps')!.rateLimited).toBe(2);
  });

  it('reads X-Rate-Limit headers and ignores duplicated (comma-joined) values', () => {
    const parsed = readRateLimitHeaders(
      new Headers({
        'x-rate-limit-limit': '600',
        'x-rate-limit-remaining': '598, 597',
        'x-rate-limit-reset': '1609459200',
        date: 'Fri, 01 Jan 2021 00:00:00 GMT',
      }),
    );
    expect(parsed).toEqual({
      limit: 600,
      remaining: undefined,
      reset: 1609459200,
      serverDateMs: Date.parse('Fri, 01 Jan 2021 00:00:00 GMT'),
    });
  });

  it("reads Retry-After as seconds or as an HTTP-date measured against the answer's Date", () => {
    expect(readRateLimitHeaders(new Headers({ 'retry-after': '7' })).retryAfterMs).toBe(7000);
    const dated = readRateLimitHeaders(
      new Headers({ 'retry-after': 'Fri, 01 Jan 2021 00:00:30 GMT', date: 'Fri, 01 Jan 2021 00:00:00 GMT' }),
    );
    expect(dated.retryAfterMs).toBe(30_000);
    expect(readRateLimitHeaders(new Headers({ 'retry-after': 'soon' })).retryAfterMs).toBeUndefined();
  });

  it('waits out a 429 with only Retry-After, holding the bucket until then, at most 5 minutes', async () => {
    const g = governor({ maxConcurrency: 50 });
    expect(g.onRateLimited('apps', { retryAfterMs: 12_000 }, 0)).toBe(12_000);
    expect(await startable(g, 'apps', 3)).toBe(0); // held: not even one request may start
    clock.now += 12_000;
    expect(await startable(g, 'apps', 1)).toBe(1);
    expect(g.onRateLimited('users', { retryAfterMs: 3_600_000 }, 0)).toBe(MAX_RETRY_AFTER_MS);
    clock.now = nowMs;
  });

  it('without headers: guesses (paces the bucket) and goes back to the headers as soon as they return', async () => {
    const g = governor({ share: 0.8, maxConcurrency: 500 });
    g.observe('users', {}); // an answer without X-Rate-Limit-* headers
    expect(g.guessing).toBe(true);
    expect(await startable(g, 'users', 5)).toBe(1); // then 750 ms (60 s ÷ 80) until the next
    clock.now += 750;
    expect(await startable(g, 'users', 5)).toBe(1);
    g.observe('users', headers(600, 600));
    expect(g.guessing).toBe(false);
    clock.now += 1;
    expect(await startable(g, 'users', 100)).toBe(100);
    clock.now = nowMs;
  });
});
