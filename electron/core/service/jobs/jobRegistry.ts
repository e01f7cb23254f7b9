// Keeps every job's state for this service's lifetime (a reloaded window recovers it with jobs.list) and
// publishes throttled `job.updated` events; terminal states are always published at once.
import { randomUUID } from 'node:crypto';
import type { JobKind, JobProgress, JobState } from '../../../../shared/service/types';
import type { EventHub } from '../eventHub';

const PUBLISH_INTERVAL_MS = 200;

export class JobRegistry {
  private readonly jobs = new Map<string, JobState>();
  private readonly lastPublished = new Map<string, number>();
  private readonly cancellers = new Map<string, () => void>();

  constructor(private readonly events: EventHub) {}

  create(kind: JobKind, cancel: () => void, snapshotId?: number): JobState {
    const job: JobState = {
      id: randomUUID(),
      kind,
      status: 'running',
      startedAt: new Date().toISOString(),
      snapshotId,
      progress: { phases: [], requests: 0, rateLimitWaits: [], elapsedMs: 0 },
    };
    this.jobs.set(job.id, job);
    this.cancellers.set(job.id, cancel);
    this.publish(job, true);
    return job;
  }

  get(id: string): JobState | undefined {
    return this.jobs.get(id);
  }

  list(): JobState[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  running(kind: JobKind): JobState | undefined {
    return [...this.jobs.values()].find((job) => job.kind === kind && job.status === 'running');
  }

  progress(id: string, progress: JobProgress, snapshotId?: number): void {
    const job = this.jobs.get(id);
    if (!job || job.status !== 'running') return;
    job.progress = progress;
    if (snapshotId !== undefined) job.snapshotId = snapshotId;
    this.publish(job, false);
  }

  finish(id: string, outcome: Pick<JobState, 'status' | 'result' | 'error' | 'snapshotId'>): void {
    const job = this.jobs.get(id);
    if (!job) return;
    Object.assign(job, outcome, { finishedAt: new Date().toISOString() });
    this.cancellers.delete(id);
    this.publish(job, true);
  }

  cancel(id: string): boolean {
    const cancel = this.cancellers.get(id);
    cancel?.();
    return cancel !== undefined;
  }

  private publish(job: JobState, force: boolean): void {
    const now = Date.now();
    if (!force && now - (this.lastPublished.get(job.id) ?? 0) < PUBLISH_INTERVAL_MS) return;
    this.lastPublished.set(job.id, now);
    this.events.publish({ name: 'job.updated', payload: structuredClone(job) });
  }
}
