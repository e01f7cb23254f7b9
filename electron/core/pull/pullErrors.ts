// What a pull throws when it stops before completing: PullError (failed or cancelled, resumable), or PullPaused at its
// request cap. Both name the snapshot that keeps what was received.
import type { RequestCapReached } from './requestCap';

export class PullError extends Error {
  override name = 'PullError';
  constructor(
    message: string,
    readonly snapshotId: number,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/** The pull stopped at its request cap (requestCap.ts): not broken, resumable with a fresh allowance, or left. */
export class PullPaused extends PullError {
  override name = 'PullPaused';
  /** What a resume allows: as many requests as this run made. */
  readonly allowance: number;
  constructor(snapshotId: number, cause: RequestCapReached) {
    const keeps = `Snapshot ${snapshotId} keeps what was received`;
    const choice = `resuming it allows another ${cause.requests} requests, or leave it`;
    super(`${cause.message}. ${keeps}; ${choice}`, snapshotId, cause);
    this.allowance = cause.requests;
  }
}
