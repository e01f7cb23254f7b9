// Progress of a pull, per phase: listings done of scheduled, rows stored, requests made and rate-limit waits. The
// phases come from the snapshot's listings in the cache (phasesFromTasks), the same source Past pulls reads, so the
// progress card and the list of past pulls always give the same counts.
import type { BucketSnapshot } from '../okta/rateLimitGovernor';
import type { TaskKindCount } from '../store/pullTaskStore';

export const PULL_PHASES = [
  'users',
  'groups',
  'group members',
  'apps',
  'app assignments',
  'admin roles',
  'factors',
] as const;
export type PullPhase = (typeof PULL_PHASES)[number];

export interface PhaseProgress {
  phase: PullPhase;
  tasksDone: number;
  tasksTotal: number;
  rows: number;
}

export interface PullProgress {
  snapshotId: number;
  phases: PhaseProgress[];
  requests: number;
  retries: number;
  /** Wall time each bucket spent held back by rate limits (shown as waiting, not as a freeze). */
  rateLimitWaits: { bucket: string; waitedMs: number }[];
  elapsedMs: number;
  /** The latest warnings (at most MAX_PROGRESS_WARNINGS) and how many were said in all. */
  warnings: string[];
  warningCount: number;
}

const MAX_PROGRESS_WARNINGS = 20;

const PHASE_OF_TASK: Record<string, PullPhase> = {
  users: 'users',
  'users-deprovisioned': 'users',
  groups: 'groups',
  'group-members': 'group members',
  apps: 'apps',
  'app-users': 'app assignments',
  'app-groups': 'app assignments',
  'custom-roles': 'admin roles',
  'role-assignees': 'admin roles',
  'user-roles': 'admin roles',
  'group-roles': 'admin roles',
  factors: 'factors',
};

export function phaseOfTask(kindName: string): PullPhase {
  return PHASE_OF_TASK[kindName] ?? 'users';
}

/** Listings done of scheduled and rows stored per phase (factors only when the pull reads them). */
export function phasesFromTasks(tasks: readonly TaskKindCount[], includeFactors: boolean): PhaseProgress[] {
  const phases = new Map<PullPhase, PhaseProgress>();
  for (const phase of PULL_PHASES) {
    if (phase !== 'factors' || includeFactors) phases.set(phase, { phase, tasksDone: 0, tasksTotal: 0, rows: 0 });
  }
  for (const kind of tasks) {
    const entry = phases.get(phaseOfTask(kind.kindName));
    if (!entry) continue;
    entry.tasksDone += kind.done;
    entry.tasksTotal += kind.total;
    entry.rows += kind.rows;
  }
  return [...phases.values()];
}

/** Hands progress out at most every `intervalMs` as pages arrive (plus once at the end). */
export class PullProgressTracker {
  private lastEmit = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly snapshotId: number,
    private readonly emit: ((progress: PullProgress) => void) | undefined,
    private readonly sample: () => { requests: number; retries: number; buckets: BucketSnapshot[] },
    private readonly listPhases: () => PhaseProgress[],
    private readonly listWarnings: () => string[] = () => [],
    private readonly intervalMs = 200,
  ) {}

  /** A page arrived: time to say so, unless that was said moments ago. */
  pageReceived(): void {
    this.maybeEmit();
  }

  current(): PullProgress {
    const sample = this.sample();
    const warnings = this.listWarnings();
    return {
      snapshotId: this.snapshotId,
      phases: this.listPhases(),
      requests: sample.requests,
      retries: sample.retries,
      rateLimitWaits: sample.buckets.map((bucket) => ({ bucket: bucket.bucket, waitedMs: bucket.waitedMs })),
      elapsedMs: Date.now() - this.startedAt,
      warnings: warnings.slice(-MAX_PROGRESS_WARNINGS),
      warningCount: warnings.length,
    };
  }

  private maybeEmit(): void {
    if (!this.emit) return;
    const now = Date.now();
    if (now - this.lastEmit < this.intervalMs) return;
    this.lastEmit = now;
    this.emit(this.current());
  }

  /** Shows a new warning at once, not at the next throttled update. */
  warningSaid(): void {
    this.emit?.(this.current());
  }

  flush(): void {
    this.emit?.(this.current());
  }
}
