// The Validate screen's right panel: open CSV files (or drop them anywhere on the window) to check them.
import { useId } from 'react';

interface CheckFilesPanelProps {
  dragging: boolean;
  /** Files that were dropped or opened but are not checked, each with the reason. */
  ignored: readonly string[];
  onFiles: (files: File[]) => void;
}

export function CheckFilesPanel({ dragging, ignored, onFiles }: CheckFilesPanelProps) {
  const fileInputId = useId();
  return (
    <section
      className={`panel drop-zone${dragging ? ' drop-zone-active' : ''}`}
      aria-labelledby="validate-files-heading"
    >
      <h2 id="validate-files-heading">Check CSV files</h2>
      <p>
        Open entities.csv and entity-relations.csv (one or both), or drop them anywhere on this window. Nothing is
        changed or uploaded.
      </p>
      <div className="field">
        <label htmlFor={fileInputId}>CSV files</label>
        <input
          id={fileInputId}
          type="file"
          accept=".csv,text/csv"
          multiple
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared so that choosing the same files again checks them again.
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      {ignored.length > 0 && <p className="text-warning">Not checked: {ignored.join('; ')}.</p>}
      {/* Fixed over the whole window (the drop target is the window, not this panel). */}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop the CSV files to check them
        </div>
      )}
    </section>
  );
}
