// Pure rule for combining job states that arrive from events and from jobs.list in any order: never go backwards.
import type { JobState } from '../../../shared/service/types';

function isFinished(job: JobState): boolean {
  return job.status !== 'running';
}

/** The state to keep when `incoming` arrives while `existing` is known. */
export function mergeJobState(existing: JobState | undefined, incoming: JobState): JobState {
  if (!existing) return incoming;
  if (isFinished(existing) && !isFinished(incoming)) return existing;
  if (isFinished(incoming) && !isFinished(existing)) return incoming;
  return incoming.progress.elapsedMs >= existing.progress.elapsedMs ? incoming : existing;
}

/** Jobs newest first (by start time, then id for a stable order). */
export function sortJobsNewestFirst(jobs: Iterable<JobState>): JobState[] {
  return [...jobs].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
}
