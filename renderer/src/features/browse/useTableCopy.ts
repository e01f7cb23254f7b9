// Copies VirtualTable's picked cell (its value as stored) or its row (the shown columns' values, tab-separated, as
// spreadsheets paste them) to the clipboard, and says so, or why it could not.
import { useCallback } from 'react';
import type { PagedRows } from './usePagedRows';
import type { ActiveCell } from './useTableKeys';

export function useTableCopy(
  paged: PagedRows,
  columns: string[],
  active: ActiveCell | null,
  say: (text: string) => void,
): (what: 'cell' | 'row') => void {
  return useCallback(
    (what: 'cell' | 'row') => {
      const row = active ? paged.rowAt(active.row) : undefined;
      if (!active || !row) return;
      const text = (column: string) => (row[column] === null || row[column] === undefined ? '' : String(row[column]));
      const value = what === 'cell' ? text(active.column) : columns.map(text).join('\t');
      navigator.clipboard.writeText(value).then(
        () => say(what === 'cell' ? `Copied the cell: ${value}` : `Copied row ${(active.row + 1).toLocaleString()}.`),
        () => say('The browser did not allow copying: select the text and copy it with the keyboard instead.'),
      );
    },
    [paged, columns, active, say],
  );
}
