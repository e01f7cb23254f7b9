// The scroll state of VirtualTable: the top row (fractional) and the scroll position, kept in step through the scaled
// geometry of scrollScale.ts. Scrolling by the bar maps its position to a row; the wheel in a scaled table moves by
// rows (a pixel of the bar is many rows there); goTo puts any row at the top.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clampTopRow, scrollGeometry, scrollTopFor, topRowAt, type ScrollGeometry } from './scrollScale';

export interface ScaledScroll {
  scrollRef: React.RefObject<HTMLDivElement | null>;
  headerRef: React.RefObject<HTMLDivElement | null>;
  geometry: ScrollGeometry;
  topRow: number;
  scrollTop: number;
  onScroll: () => void;
  goTo: (topRow: number) => void;
}

const WHEEL_LINE_ROWS = 1;

export function useScaledScroll(total: number, rowHeight: number): ScaledScroll {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const viewport = useViewportSize(scrollRef, headerRef);
  const [position, setPosition] = useState({ topRow: 0, scrollTop: 0 });
  const positionRef = useLatest(position);
  /** The scroll position last set here, so its scroll event keeps the exact top row instead of the pixel's. */
  const setByUs = useRef<number | null>(null);
  const bodyPx = Math.max(rowHeight, viewport.clientHeight - viewport.headerPx);
  const geometry = useMemo(() => scrollGeometry(total, rowHeight, bodyPx), [total, rowHeight, bodyPx]);
  const goTo = useCallback(
    (topRow: number) => {
      const row = clampTopRow(topRow, geometry);
      const top = scrollTopFor(row, geometry);
      setByUs.current = top;
      const element = scrollRef.current;
      if (element) element.scrollTop = top;
      setPosition({ topRow: row, scrollTop: element?.scrollTop ?? top });
    },
    [geometry],
  );
  const onScroll = useCallback(() => {
    const top = scrollRef.current?.scrollTop ?? 0;
    if (setByUs.current !== null && Math.abs(top - setByUs.current) <= 1) {
      setPosition((current) => ({ ...current, scrollTop: top }));
      return;
    }
    setByUs.current = null;
    setPosition({ topRow: topRowAt(top, geometry), scrollTop: top });
  }, [geometry]);
  // A new size (a filter, the first page) keeps the top row within the table.
  useEffect(() => {
    if (positionRef.current.topRow > geometry.maxTopRow) goTo(geometry.maxTopRow);
  }, [geometry, goTo, positionRef]);
  useScaledWheel(scrollRef, geometry, (rows) => goTo(positionRef.current.topRow + rows));
  return { scrollRef, headerRef, geometry, topRow: position.topRow, scrollTop: position.scrollTop, onScroll, goTo };
}

/** In a scaled table the wheel moves by rows, as in any other table, not by pixels of the scaled bar. */
function useScaledWheel(
  scrollRef: React.RefObject<HTMLDivElement | null>,
  geometry: ScrollGeometry,
  moveBy: (rows: number) => void,
): void {
  const moveByRef = useLatest(moveBy);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || !geometry.scaled) return;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || Math.abs(event.deltaY) < Math.abs(event.deltaX)) return;
      event.preventDefault();
      const visibleRows = geometry.viewportPx / geometry.rowHeight;
      const unit = [1 / geometry.rowHeight, WHEEL_LINE_ROWS, visibleRows][event.deltaMode] ?? 1;
      moveByRef.current(event.deltaY * unit);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [scrollRef, geometry, moveByRef]);
}

/** The scroll viewport's height and its sticky header's, kept up to date as the window or the header changes. */
function useViewportSize(
  scrollRef: React.RefObject<HTMLDivElement | null>,
  headerRef: React.RefObject<HTMLDivElement | null>,
) {
  const [viewport, setViewport] = useState({ clientHeight: 480, headerPx: 64 });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () =>
      setViewport({ clientHeight: element.clientHeight, headerPx: headerRef.current?.offsetHeight ?? 0 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (headerRef.current) observer.observe(headerRef.current);
    return () => observer.disconnect();
  }, [scrollRef, headerRef]);
  return viewport;
}

/** A ref that follows a value, for event handlers that must see the latest one. */
function useLatest<T>(value: T): React.RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
