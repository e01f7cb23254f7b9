// Which snapshot an audit reads, and the error it throws for bad input (the CLI and the service word it their way).
import type { Db } from '../store/openDatabase';

export class AuditError extends Error {
  override name = 'AuditError';
  constructor(
    message: string,
    readonly reason: 'not-found' | 'bad-input',
  ) {
    super(message);
  }
}

export interface AuditSnapshot {
  id: number;
  status: string;
  startedAt: string;
  includeFactors: boolean;
}

/** The snapshot asked for, or the latest complete one; refuses a snapshot that does not exist. */
export function auditSnapshot(db: Db, requested: number | undefined): AuditSnapshot {
  const row = db
    .prepare(
      requested === undefined
        ? `SELECT id, status, started_at AS startedAt, include_factors AS includeFactors FROM snapshots
            WHERE status = 'complete' ORDER BY id DESC LIMIT 1`
        : `SELECT id, status, started_at AS startedAt, include_factors AS includeFactors FROM snapshots WHERE id = ?`,
    )
    .get(...(requested === undefined ? [] : [requested])) as
    { id: number; status: string; startedAt: string; includeFactors: number } | undefined;
  if (!row) {
    throw new AuditError(
      requested === undefined
        ? 'there is no complete snapshot to audit: run "okta-prep pull --org URL" first (or "okta-prep demo")'
        : `there is no snapshot ${requested}: "okta-prep snapshots" lists them`,
      'not-found',
    );
  }
  return { ...row, includeFactors: row.includeFactors === 1 };
}
