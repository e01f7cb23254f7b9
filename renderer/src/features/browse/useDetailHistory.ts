// The records opened in the detail panel, newest last (at most 20, for Back); emptied when another snapshot is
// chosen, since it has other records.
import { useState } from 'react';
import type { DetailSelection } from './detailSelection';

export type DetailHistory = ReturnType<typeof useDetailHistory>;

export function useDetailHistory(snapshotId: number | undefined) {
  const [history, setHistory] = useState<DetailSelection[]>([]);
  // Emptied during render, not in an effect, so the panel never shows the old snapshot's records.
  const [historySnapshotId, setHistorySnapshotId] = useState(snapshotId);
  if (historySnapshotId !== snapshotId) {
    setHistorySnapshotId(snapshotId);
    setHistory([]);
  }
  return {
    current: history[history.length - 1],
    canGoBack: history.length > 1,
    open: (selection: DetailSelection) => setHistory((stack) => [...stack.slice(-19), selection]),
    back: () => setHistory((stack) => stack.slice(0, -1)),
    close: () => setHistory([]),
  };
}
