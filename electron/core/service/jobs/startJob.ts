// Starts a pull or export as a job: runs it in a worker thread, turns its progress into JobProgress, records the
// outcome.
import type { JobKind, JobProgress, JobState } from '../../../../shared/service/types';
import type { PullProgress } from '../../pull/pullProgress';
import type { WorkerProgress, WorkerTask } from './jobMessages';
import type { JobRegistry } from './jobRegistry';
import { runWorkerTask } from './runWorkerTask';

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

export function startJob(jobs: JobRegistry, kind: JobKind, task: WorkerTask, snapshotId?: number): JobState {
  const startedAt = Date.now();
  const rowsByFile = { entities: 0, relations: 0 };
  let handle: ReturnType<typeof runWorkerTask> | undefined;
  const job = jobs.create(kind, () => handle?.cancel(), snapshotId);
  handle = runWorkerTask(task, (progress: WorkerProgress) => {
    if (progress.kind === 'pull')
      jobs.progress(job.id, pullProgressView(progress.progress), progress.progress.snapshotId);
    else {
      rowsByFile[progress.file] = Math.max(rowsByFile[progress.file], progress.rows);
      const phases = (['entities', 'relations'] as const).map((file) => ({
        phase: file,
        tasksDone: file === 'entities' && progress.file === 'relations' ? 1 : 0,
        tasksTotal: 1,
        rows: rowsByFile[file],
      }));
      jobs.progress(job.id, {
        phases,
        requests: 0,
        rateLimitWaits: [],
        elapsedMs: Date.now() - startedAt,
        rowsWritten: rowsByFile.entities + rowsByFile.relations,
      });
    }
  });
  void handle.outcome.then((outcome) => {
    if (outcome.ok) {
      const value = outcome.result.value as { snapshotId?: number };
      jobs.finish(job.id, {
        status: 'complete',
        result: outcome.result.value,
        snapshotId: value.snapshotId ?? snapshotId,
      });
    } else {
      const cancelled = outcome.error.code === 'CANCELLED';
      jobs.finish(job.id, {
        status: cancelled ? 'cancelled' : 'failed',
        error: { code: cancelled ? 'CONFLICT' : (outcome.error.code as never), message: outcome.error.message },
        snapshotId: outcome.error.snapshotId ?? snapshotId,
      });
    }
  });
  return jobs.get(job.id)!;
}
