// snapshots.profileAttributes: the profile attributes a snapshot's users hold, read in a worker thread (seconds at
// 100,000 users, which the service's loop must not wait on) and kept per complete snapshot, which never changes.
import type { ProfileAttributeCount } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { getSnapshot } from '../../store/snapshots';
import { ServiceFailure } from '../serviceFailure';
import { runQuickTask } from './quickTask';

export interface ProfileAttributeReader {
  read(snapshotId: number): Promise<ProfileAttributeCount[]>;
  /** Forgets a deleted snapshot's answer. */
  forget(snapshotId: number): void;
}

export function profileAttributeReader(db: Db, dbPath: string): ProfileAttributeReader {
  // The answer in progress or read, so screens asking at once share one worker.
  const kept = new Map<number, Promise<ProfileAttributeCount[]>>();
  return {
    read: async (snapshotId) => {
      const snapshot = getSnapshot(db, snapshotId);
      if (!snapshot) throw new ServiceFailure('NOT_FOUND', `there is no snapshot ${snapshotId}`);
      const known = kept.get(snapshotId);
      if (known) return known;
      const reading = runQuickTask<ProfileAttributeCount[]>({ kind: 'profileAttributes', dbPath, snapshotId });
      // A snapshot still being pulled gains users: read again next time. A failed read is not kept either.
      if (snapshot.status === 'complete') {
        kept.set(snapshotId, reading);
        reading.catch(() => kept.delete(snapshotId));
      }
      return reading;
    },
    forget: (snapshotId) => kept.delete(snapshotId),
  };
}
