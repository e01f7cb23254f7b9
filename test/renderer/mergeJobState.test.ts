// Unit tests for combining job states from events and jobs.list: progress never goes backwards, finished stays
// finished.
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/service/types';
import { mergeJobState, sortJobsNewestFirst } from '../../renderer/src/app/mergeJobState';

function job(overrides: Partial<JobState> & { elapsedMs?: number } = {}): JobState {
  const { elapsedMs = 0, ...rest } = overrides;
  return {
    id: 'job-1',
    kind: 'pull',
    status: 'running',
    startedAt: '2025-01-01T10:00:00.000Z',
    progress: { phases: [], requests: 0, rateLimitWaits: [], elapsedMs },
    ...rest,
  };
}

describe('mergeJobState', () => {
  it('takes the first state it sees', () => {
    const incoming = job();
    expect(mergeJobState(undefined, incoming)).toBe(incoming);
  });

  it('keeps the later progress of a running job', () => {
    const later = job({ elapsedMs: 2000 });
    expect(mergeJobState(later, job({ elapsedMs: 1000 }))).toBe(later);
    expect(mergeJobState(job({ elapsedMs: 1000 }), later)).toBe(later);
  });

  it('never turns a finished job back into a running one', () => {
    const finished = job({ status: 'complete', elapsedMs: 1000 });
    expect(mergeJobState(finished, job({ elapsedMs: 5000 }))).toBe(finished);
  });

  it('accepts the finish of a running job', () => {
    const finished = job({ status: 'failed', elapsedMs: 10 });
    expect(mergeJobState(job({ elapsedMs: 500 }), finished)).toBe(finished);
  });
});

describe('sortJobsNewestFirst', () => {
  it('orders by start time, newest first', () => {
    const older = job({ id: 'a', startedAt: '2025-01-01T10:00:00.000Z' });
    const newer = job({ id: 'b', startedAt: '2025-01-02T10:00:00.000Z' });
    expect(sortJobsNewestFirst([older, newer]).map((entry) => entry.id)).toEqual(['b', 'a']);
  });
});
