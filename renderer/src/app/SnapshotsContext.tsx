// The list of snapshots (past pulls) and the one the Browse, Validate and Export screens work on.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SnapshotSummary } from '../../../shared/service/types';
import { describeError, type ErrorDescription } from '../service/describeError';
import { useService } from '../service/ServiceContext';
import { useJobs } from './JobsContext';
import { effectiveSnapshotId, snapshotsNewestFirst } from './snapshotChoice';

interface SnapshotsValue {
  /** Newest first; undefined until the first load. */
  snapshots: SnapshotSummary[] | undefined;
  error: ErrorDescription | null;
  selectedId: number | null;
  selected: SnapshotSummary | undefined;
  select: (snapshotId: number) => void;
  refresh: () => void;
}

const SnapshotsContext = createContext<SnapshotsValue | null>(null);

export function SnapshotsProvider({ children }: { children: ReactNode }) {
  const client = useService();
  const { jobs } = useJobs();
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | undefined>(undefined);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [chosenId, setChosenId] = useState<number | null>(null);

  const refresh = useCallback(() => {
    client.call('snapshots.list', {}).then(
      (list) => {
        setSnapshots(snapshotsNewestFirst(list));
        setError(null);
      },
      (caught: unknown) => setError(describeError(caught)),
    );
  }, [client]);

  // Reload whenever a pull starts or ends (its snapshot appears, completes or records gaps).
  const pullJobsKey = jobs
    .filter((job) => job.kind === 'pull')
    .map((job) => `${job.id}:${job.status}`)
    .join(',');
  useEffect(refresh, [refresh, pullJobsKey]);

  const selectedId = effectiveSnapshotId(snapshots ?? [], chosenId);
  const value = useMemo<SnapshotsValue>(
    () => ({
      snapshots,
      error,
      selectedId,
      selected: snapshots?.find((snapshot) => snapshot.id === selectedId),
      select: setChosenId,
      refresh,
    }),
    [snapshots, error, selectedId, refresh],
  );
  return <SnapshotsContext.Provider value={value}>{children}</SnapshotsContext.Provider>;
}

export function useSnapshots(): SnapshotsValue {
  const value = useContext(SnapshotsContext);
  if (!value) throw new Error('useSnapshots outside SnapshotsProvider');
  return value;
}
