// Hook: files dropped anywhere on the window are handed to `onFiles`; reports whether files are being dragged over it.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return Boolean(event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files'));
}

export function useWindowFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFilesRef = useRef(onFiles);
  useLayoutEffect(() => {
    onFilesRef.current = onFiles;
  });
  useEffect(() => listenForFileDrops(setDragging, (files) => onFilesRef.current(files)), []);
  return dragging;
}

/** Listens on the window for files dragged over and dropped; returns what removes the listeners. */
function listenForFileDrops(setDragging: (dragging: boolean) => void, onFiles: (files: File[]) => void): () => void {
  // dragenter/dragleave fire for every child element crossed: count them, so leaving a child is not leaving the window.
  let depth = 0;
  const listeners: Record<'dragenter' | 'dragleave' | 'dragover' | 'drop', (event: DragEvent) => void> = {
    dragenter: (event) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    },
    dragleave: () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    },
    dragover: (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    },
    drop: (event) => {
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    },
  };
  const entries = Object.entries(listeners) as [keyof typeof listeners, (event: DragEvent) => void][];
  for (const [type, listener] of entries) window.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of entries) window.removeEventListener(type, listener);
  };
}
