// The handle on a column header's right edge: drag it, or focus it and press ← / → (Shift: bigger steps), to resize.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { humaniseName } from '../../format/labels';
import { MAX_COLUMN_PX, MIN_COLUMN_PX } from './useColumnLayout';

interface ColumnResizerProps {
  column: string;
  width: number;
  onResize: (column: string, width: number) => void;
}

export function ColumnResizer({ column, width, onResize }: ColumnResizerProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(column, drag.current.startWidth + event.clientX - drag.current.startX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    const change = event.key === 'ArrowRight' ? step : event.key === 'ArrowLeft' ? -step : 0;
    if (change === 0) return;
    event.preventDefault();
    event.stopPropagation();
    onResize(column, width + change);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${humaniseName(column)}`}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_PX}
      aria-valuemax={MAX_COLUMN_PX}
      tabIndex={0}
      className="column-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
