// The service's audit methods: effective access and findings of a snapshot, one page per call (keyset cursors), so
// the app's screens can page through a 100,000-user snapshot.
import type { ServiceImplementation } from '../../../shared/service/contract';
import { accessPage } from '../audit/access/accessPages';
import { AuditError, auditSnapshot } from '../audit/auditSnapshot';
import { SnapshotDiffError } from '../audit/diff/snapshotDiff';
import { findingsPage } from '../audit/findings/findingsPages';
import type { Db } from '../store/openDatabase';
import { ServiceFailure } from './serviceFailure';

type AuditMethods = Pick<ServiceImplementation, 'audit.access' | 'audit.findings'>;

/** An audit's refusals (no such snapshot, a pair that cannot be compared) as the service's typed failures. */
export function asServiceFailure<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AuditError)
      throw new ServiceFailure(error.reason === 'not-found' ? 'NOT_FOUND' : 'BAD_INPUT', error.message);
    if (error instanceof SnapshotDiffError) throw new ServiceFailure('BAD_INPUT', error.message);
    throw error;
  }
}

export function auditMethods(db: Db): AuditMethods {
  return {
    'audit.access': async ({ snapshotId, subject, after, limit }) =>
      asServiceFailure(() => accessPage(db, auditSnapshot(db, snapshotId).id, { subject, after, limit })),
    'audit.findings': async ({ snapshotId, ...request }) =>
      asServiceFailure(() => findingsPage(db, auditSnapshot(db, snapshotId), request)),
  };
}
