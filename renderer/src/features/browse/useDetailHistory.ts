// The records opened in the detail panel, newest last (at most 20, for Back); emptied when another snapshot is
// chosen, since it has other records. Closing gives keyboard focus back to what opened the panel.
import { useRef, useState } from 'react';
import type { DetailSelection } from './detailSelection';

export type DetailHistory = ReturnType<typeof useDetailHistory>;

/** The focused element when a record is opened from outside the panel (a table row's button, a finding's link). */
function focusedOutsidePanel(): HTMLElement | null {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body) return null;
  return focused.closest('.detail-panel') ? null : focused;
}

export function useDetailHistory(snapshotId: number | undefined) {
  const [history, setHistory] = useState<DetailSelection[]>([]);
  // The panel takes focus when it opens; without this, closing it would drop focus to the page's start.
  const opener = useRef<HTMLElement | null>(null);
  // Emptied during render, not in an effect, so the panel never shows the old snapshot's records.
  const [historySnapshotId, setHistorySnapshotId] = useState(snapshotId);
  if (historySnapshotId !== snapshotId) {
    setHistorySnapshotId(snapshotId);
    setHistory([]);
  }
  return {
    current: history[history.length - 1],
    canGoBack: history.length > 1,
    open: (selection: DetailSelection) => {
      opener.current = focusedOutsidePanel() ?? opener.current;
      setHistory((stack) => [...stack.slice(-19), selection]);
    },
    back: () => setHistory((stack) => stack.slice(0, -1)),
    close: () => {
      setHistory([]);
      // A virtualised row may have been scrolled away and unmounted: then there is nothing to go back to.
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
    },
  };
}
