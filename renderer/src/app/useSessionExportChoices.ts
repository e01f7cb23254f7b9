// Export choices kept for this session only, not in the saved profile: the per-run choices (file format, parts,
// publishing despite errors, a review copy) and the user statuses to export, which belong to one snapshot (another
// snapshot starts again from every status, as `okta-prep export` without --user-statuses does).
import { useCallback, useMemo, useState } from 'react';
import { NO_RUN_CHOICES, type RunChoices } from '../features/export/ExportRunChoices';
import { useSnapshots } from './SnapshotsContext';

export interface SessionExportChoices {
  runChoices: RunChoices;
  setRunChoices: (choices: RunChoices) => void;
  /** The statuses whose users are exported from the chosen snapshot; null for every status. */
  userStatuses: string[] | null;
  setUserStatuses: (statuses: string[] | null) => void;
}

export function useSessionExportChoices(): SessionExportChoices {
  const { selected } = useSnapshots();
  const [runChoices, setRunChoices] = useState<RunChoices>(NO_RUN_CHOICES);
  const [statusChoice, setStatusChoice] = useState<{ snapshotId: number; statuses: string[] } | null>(null);
  const snapshotId = selected?.id;
  const setUserStatuses = useCallback(
    (statuses: string[] | null) =>
      setStatusChoice(statuses && snapshotId !== undefined ? { snapshotId, statuses } : null),
    [snapshotId],
  );
  const userStatuses = statusChoice && statusChoice.snapshotId === snapshotId ? statusChoice.statuses : null;
  return useMemo(
    () => ({ runChoices, setRunChoices, userStatuses, setUserStatuses }),
    [runChoices, userStatuses, setUserStatuses],
  );
}
