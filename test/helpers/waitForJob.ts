// Polls the service's job list until one job has stopped running, for tests that start a job and need how it ended.
import type { JobState } from '../../shared/service/types';

/** Whatever lists the jobs: a service client's `call('jobs.list', {})`, the HTTP API, or the service object itself. */
export type ListJobs = () => Promise<JobState[]>;

export interface WaitForJobOptions {
  timeoutMs?: number;
  pollMs?: number;
}

export async function waitForJob(
  listJobs: ListJobs,
  jobId: string,
  { timeoutMs = 60_000, pollMs = 100 }: WaitForJobOptions = {},
): Promise<JobState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await listJobs()).find((candidate) => candidate.id === jobId);
    if (job && job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still running after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
