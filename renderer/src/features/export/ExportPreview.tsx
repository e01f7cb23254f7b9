// Preview of the first rows of both files exactly as they will be written (export.preview), refreshed as options
// change.
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
      {preview.data && (
        <>
          <h3>entities.csv</h3>
          <div className="csv-preview" tabIndex={0} role="region" aria-label="entities.csv preview">
            <pre>{preview.data.entitiesText}</pre>
          </div>
          <h3>entity-relations.csv</h3>
          <div className="csv-preview" tabIndex={0} role="region" aria-label="entity-relations.csv preview">
            <pre>{preview.data.relationsText}</pre>
          </div>
        </>
      )}
    </section>
  );
}
