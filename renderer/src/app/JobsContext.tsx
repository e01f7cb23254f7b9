// Live job states for the whole window: `job.updated` events plus `jobs.list` on mount, so a reloaded window recovers.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { JobState } from '../../../shared/service/types';
import { useService } from '../service/ServiceContext';
import { mergeJobState, sortJobsNewestFirst } from './mergeJobState';

interface JobsValue {
  /** Newest first. */
  jobs: JobState[];
  /** Records a job state the screen got back from a call (start, cancel, resume). */
  recordJob: (job: JobState) => void;
}

const POLL_WHILE_RUNNING_MS = 5000;

const JobsContext = createContext<JobsValue>({ jobs: [], recordJob: () => undefined });

export function JobsProvider({ children }: { children: ReactNode }) {
  const client = useService();
  const [byId, setById] = useState<ReadonlyMap<string, JobState>>(new Map());

  const recordJobs = useCallback((incoming: JobState[]) => {
    setById((current) => {
      const next = new Map(current);
      for (const job of incoming) next.set(job.id, mergeJobState(next.get(job.id), job));
      return next;
    });
  }, []);
  const recordJob = useCallback((job: JobState) => recordJobs([job]), [recordJobs]);

  useEffect(() => {
    const unsubscribe = client.onEvent((event) => {
      if (event.name === 'job.updated') recordJob(event.payload);
    });
    client.call('jobs.list', {}).then(recordJobs, () => undefined);
    return unsubscribe;
  }, [client, recordJob, recordJobs]);

  // Events can be missed (a dropped event stream, a sleeping laptop): while anything runs, also ask now and then.
  const anyRunning = [...byId.values()].some((job) => job.status === 'running');
  useEffect(() => {
    if (!anyRunning) return;
    const timer = window.setInterval(
      () => client.call('jobs.list', {}).then(recordJobs, () => undefined),
      POLL_WHILE_RUNNING_MS,
    );
    return () => window.clearInterval(timer);
  }, [client, anyRunning, recordJobs]);

  const value = useMemo(() => ({ jobs: sortJobsNewestFirst(byId.values()), recordJob }), [byId, recordJob]);
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

export function useJobs(): JobsValue {
  return useContext(JobsContext);
}

export function useJob(jobId: string | null | undefined): JobState | undefined {
  const { jobs } = useJobs();
  return jobId ? jobs.find((job) => job.id === jobId) : undefined;
}
