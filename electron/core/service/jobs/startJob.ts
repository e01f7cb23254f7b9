// Starts a pull, export or file check as a job: runs it in a worker thread, turns its progress into JobProgress,
// records the outcome.
import type { JobKind, JobProgress, JobState } from '../../../../shared/service/types';
import type { ValidationProgress } from '../../balkanid/validator/index';
import type { PullProgress } from '../../pull/pullProgress';
import type { WorkerProgress, WorkerTask } from './jobMessages';
import type { JobRegistry } from './jobRegistry';
import { runWorkerTask, type WorkerTaskHandle } from './runWorkerTask';

function pullProgressView(progress: PullProgress): JobProgress {
  // ETA from the share of listings done so far (listings are scheduled as pages reveal them, so it firms up as it
  // goes).
  const done = progress.phases.reduce((sum, phase) => sum + phase.tasksDone, 0);
  const total = progress.phases.reduce((sum, phase) => sum + phase.tasksTotal, 0);
  const etaMs = done > 0 && total > done ? Math.round((progress.elapsedMs / done) * (total - done)) : undefined;
  return {
    phases: progress.phases,
    requests: progress.requests,
    rateLimitWaits: progress.rateLimitWaits,
    elapsedMs: progress.elapsedMs,
    etaMs,
    warnings: progress.warnings,
    warningCount: progress.warningCount,
  };
}

type ExportedFile = 'entities' | 'relations' | 'entitlements';

function exportProgressView(rowsByFile: Record<ExportedFile, number>, current: string): JobProgress {
  const files: readonly ExportedFile[] = current === 'entitlements' ? ['entitlements'] : ['entities', 'relations'];
  const phases = files.map((file) => ({
    phase: file,
    tasksDone: file === 'entities' && current === 'relations' ? 1 : 0,
    tasksTotal: 1,
    rows: rowsByFile[file],
  }));
  return {
    phases,
    requests: 0,
    rateLimitWaits: [],
    elapsedMs: 0,
    rowsWritten: rowsByFile.entities + rowsByFile.relations + rowsByFile.entitlements,
  };
}

const VALIDATION_PHASES = ['entities', 'relations', 'entitlements', 'cross-file'] as const;

function validateProgressView(progress: ValidationProgress, elapsedMs: number): JobProgress {
  const at = VALIDATION_PHASES.indexOf(progress.phase);
  const phases = VALIDATION_PHASES.map((phase, index) => ({
    phase,
    tasksDone: index < at ? 1 : 0,
    tasksTotal: 1,
    rows: index === at ? progress.rows : 0,
  }));
  const share = progress.bytesTotal > 0 ? progress.bytesRead / progress.bytesTotal : 0;
  const etaMs = share > 0.02 && share < 1 ? Math.round((elapsedMs / share) * (1 - share)) : undefined;
  return {
    phases,
    requests: 0,
    rateLimitWaits: [],
    elapsedMs,
    etaMs,
    bytesRead: progress.bytesRead,
    bytesTotal: progress.bytesTotal,
  };
}

/** What a job does with its outcome before it is recorded, and (settled) whatever happened, before recording it. */
export interface JobOutcomeHooks {
  result?: (value: unknown) => unknown;
  errorMessage?: (message: string) => string;
  settled?: () => Promise<void>;
}

export function startJob(
  jobs: JobRegistry,
  kind: JobKind,
  task: WorkerTask,
  snapshotId?: number,
  hooks: JobOutcomeHooks = {},
): JobState {
  const startedAt = Date.now();
  const rowsByFile = { entities: 0, relations: 0, entitlements: 0 };
  let handle: ReturnType<typeof runWorkerTask> | undefined;
  const job = jobs.create(kind, () => handle?.cancel(), snapshotId);
  handle = runWorkerTask(task, (progress: WorkerProgress) => {
    const elapsedMs = Date.now() - startedAt;
    if (progress.kind === 'pull')
      jobs.progress(job.id, pullProgressView(progress.progress), progress.progress.snapshotId);
    else if (progress.kind === 'validate') jobs.progress(job.id, validateProgressView(progress.progress, elapsedMs));
    else {
      rowsByFile[progress.file] = Math.max(rowsByFile[progress.file], progress.rows);
      jobs.progress(job.id, { ...exportProgressView(rowsByFile, progress.file), elapsedMs });
    }
  });
  void handle.outcome.then(async (outcome) => {
    // Clean-up first (an upload's temp file), so a job seen as finished has nothing left behind.
    await hooks.settled?.().catch(() => undefined);
    recordOutcome(jobs, job.id, outcome, hooks, snapshotId);
  });
  return jobs.get(job.id)!;
}

function recordOutcome(
  jobs: JobRegistry,
  jobId: string,
  outcome: Awaited<WorkerTaskHandle['outcome']>,
  hooks: JobOutcomeHooks,
  snapshotId: number | undefined,
): void {
  if (outcome.ok) {
    const value = outcome.result.value as { snapshotId?: number };
    jobs.finish(jobId, {
      status: 'complete',
      result: hooks.result ? hooks.result(outcome.result.value) : outcome.result.value,
      snapshotId: value.snapshotId ?? snapshotId,
    });
    return;
  }
  const cancelled = outcome.error.code === 'CANCELLED';
  const message = hooks.errorMessage ? hooks.errorMessage(outcome.error.message) : outcome.error.message;
  jobs.finish(jobId, {
    status: cancelled ? 'cancelled' : 'failed',
    error: { code: cancelled ? 'CONFLICT' : (outcome.error.code as never), message },
    snapshotId: outcome.error.snapshotId ?? snapshotId,
  });
}
