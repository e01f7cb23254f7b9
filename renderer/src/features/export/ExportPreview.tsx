// Preview of the first rows of each file the chosen format writes (entities.csv and entity-relations.csv, or
// entitlements.csv) exactly as written (export.preview), refreshed as options change.
import { useExportOptions } from '../../app/ExportOptionsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useServiceQuery } from '../../service/useServiceQuery';

const PREVIEW_ROWS = 5;

export function ExportPreview({ snapshotId }: { snapshotId: number }) {
  const { options } = useExportOptions();
  const settledOptions = useDebouncedValue(options, 300);
  const preview = useServiceQuery('export.preview', { snapshotId, options: settledOptions, rows: PREVIEW_ROWS });

  return (
    <section className="panel" aria-labelledby="export-preview-heading" aria-busy={preview.loading}>
      <h2 id="export-preview-heading">Preview</h2>
      <p className="field-hint">The header and first {PREVIEW_ROWS} rows of each file, byte for byte as written.</p>
      <ErrorAlert error={preview.error} />
      {preview.data?.files.map((file) => (
        <div key={file.name}>
          <h3>{file.name}</h3>
          <div className="csv-preview" tabIndex={0} role="region" aria-label={`${file.name} preview`}>
            <pre>{file.text}</pre>
          </div>
        </div>
      ))}
    </section>
  );
}
