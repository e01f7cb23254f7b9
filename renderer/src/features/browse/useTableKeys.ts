// VirtualTable's keyboard: arrows, Page Up/Down and Ctrl+Home/End move the picked cell (the rows follow it, at any
// size), Home/End go to the first or last column, Enter opens the row, Ctrl+C copies the cell and Ctrl+Shift+C the
// row (unless text is selected: then the browser copies the selection as usual).
import type { KeyboardEvent } from 'react';
import type { BrowseRow } from './pageLoader';

export interface ActiveCell {
  row: number;
  column: string;
}

interface TableKeysInput {
  total: number;
  columns: string[];
  topRow: number;
  visibleRows: number;
  active: ActiveCell | null;
  setActive: (cell: ActiveCell) => void;
  goTo: (topRow: number) => void;
  rowAt: (index: number) => BrowseRow | undefined;
  onOpenRow?: (row: BrowseRow) => void;
  copy: (what: 'cell' | 'row') => void;
}

const MOVES: Record<string, (rows: number) => { rows?: number; columns?: number; toRow?: 'first' | 'last' }> = {
  ArrowDown: () => ({ rows: 1 }),
  ArrowUp: () => ({ rows: -1 }),
  PageDown: (page) => ({ rows: page }),
  PageUp: (page) => ({ rows: -page }),
  ArrowRight: () => ({ columns: 1 }),
  ArrowLeft: () => ({ columns: -1 }),
};

function textIsSelected(): boolean {
  return (window.getSelection()?.toString() ?? '') !== '';
}

export function tableKeyHandler(input: TableKeysInput) {
  return (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, [role="separator"], summary')) return;
    const withModifier = event.ctrlKey || event.metaKey;
    if (withModifier && event.key.toLowerCase() === 'c') {
      if (textIsSelected() || !input.active) return;
      event.preventDefault();
      input.copy(event.shiftKey ? 'row' : 'cell');
      return;
    }
    if (event.key === 'Enter') {
      if (target.closest('button') || !input.active) return;
      const row = input.rowAt(input.active.row);
      if (row && input.onOpenRow) input.onOpenRow(row);
      return;
    }
    const next = nextCell(input, event.key, withModifier);
    if (!next) return;
    event.preventDefault();
    input.setActive(next);
    if (next.row < input.topRow) input.goTo(next.row);
    else if (next.row >= input.topRow + input.visibleRows) input.goTo(next.row - input.visibleRows + 1);
  };
}

function nextCell(input: TableKeysInput, key: string, withModifier: boolean): ActiveCell | null {
  const { total, columns, active } = input;
  if (total === 0 || columns.length === 0) return null;
  const current = active ?? { row: Math.floor(input.topRow), column: columns[0]! };
  let row = current.row;
  let columnIndex = Math.max(0, columns.indexOf(current.column));
  if (key === 'Home' || key === 'End') {
    if (withModifier) row = key === 'Home' ? 0 : total - 1;
    else columnIndex = key === 'Home' ? 0 : columns.length - 1;
  } else {
    const move = MOVES[key]?.(Math.max(1, input.visibleRows - 1));
    if (!move) return null;
    // Nothing picked yet: the first arrow picks the top row's first cell rather than skipping past it.
    if (!active) return current;
    row += move.rows ?? 0;
    columnIndex += move.columns ?? 0;
  }
  row = Math.min(Math.max(0, row), total - 1);
  columnIndex = Math.min(Math.max(0, columnIndex), columns.length - 1);
  return { row, column: columns[columnIndex]! };
}
