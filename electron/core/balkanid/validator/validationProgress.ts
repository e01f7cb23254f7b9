// How far a validation is, for progress lines and the app's progress bar, and the error a cancelled one ends with.

export interface ValidationProgress {
  /** What is being read: a file, or the spilled cross-file checks after both. */
  phase: 'entities' | 'relations' | 'entitlements' | 'cross-file';
  /** Bytes read of both files together, and their total size. */
  bytesRead: number;
  bytesTotal: number;
  /** Data rows read so far in the file being read. */
  rows: number;
}

/** A validation stopped by its signal: there is no report, not even a partial one. */
export class ValidationCancelledError extends Error {
  override name = 'ValidationCancelledError';
  constructor(reason?: unknown) {
    super(`validation cancelled${reason instanceof Error ? ` (${reason.message})` : ''}: no report was made`);
  }
}

const PROGRESS_INTERVAL_MS = 200;

/** Passes progress on at most every 200 ms (and at each change of phase). */
export class ProgressThrottle {
  private last = 0;
  private phase: ValidationProgress['phase'] | undefined;

  constructor(private readonly onProgress: ((progress: ValidationProgress) => void) | undefined) {}

  report(progress: ValidationProgress): void {
    if (!this.onProgress) return;
    const now = Date.now();
    if (progress.phase === this.phase && now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    this.phase = progress.phase;
    this.onProgress(progress);
  }
}
