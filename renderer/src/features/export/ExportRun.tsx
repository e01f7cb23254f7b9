// Run an export: output folder (prefilled from export.defaultFolder), start, progress, cancel and the outcome.
import { useId, useState } from 'react';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { useJob, useJobs } from '../../app/JobsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { useServiceQuery } from '../../service/useServiceQuery';
import { readExportOutcome } from './exportResult';
import { ExportOutcomeView } from './ExportOutcomeView';
import { ExportProgress } from './ExportProgress';

export function ExportRun({ snapshotId, exportable }: { snapshotId: number; exportable: boolean }) {
  const client = useService();
  const folderId = useId();
  const { options } = useExportOptions();
  const { recordJob } = useJobs();
  const defaultFolder = useServiceQuery('export.defaultFolder', {});
  const [folderInput, setFolderInput] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const outDir = folderInput ?? defaultFolder.data?.path ?? '';

  const start = useAsyncAction(async () => {
    const started = await client.call('export.start', { snapshotId, outDir: outDir.trim(), options });
    recordJob(started);
    setJobId(started.id);
  });
  const cancel = useAsyncAction(async (id: string) => recordJob(await client.call('jobs.cancel', { jobId: id })));
  const running = job?.status === 'running';

  return (
    <section className="panel" aria-labelledby="export-run-heading">
      <h2 id="export-run-heading">Export</h2>
      <div className="field">
        <label htmlFor={folderId}>Output folder</label>
        <input
          id={folderId}
          type="text"
          spellCheck={false}
          value={outDir}
          onChange={(event) => setFolderInput(event.target.value)}
        />
        <p className="field-hint">
          entities.csv, entity-relations.csv and manifest.json are written here; files are replaced only once complete.
        </p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={!exportable || running || start.pending || !outDir.trim()}
          onClick={() => void start.run()}
        >
          {running ? 'Exporting…' : 'Export files'}
        </button>
        {running && job && (
          <button type="button" disabled={cancel.pending} onClick={() => void cancel.run(job.id)}>
            Cancel export
          </button>
        )}
      </div>
      {!exportable && <p className="text-warning">Only a complete snapshot can be exported. Resume the pull first.</p>}
      <ErrorAlert error={start.error ?? cancel.error ?? defaultFolder.error} />
      {job && (
        <div aria-live="polite">
          {running && <ExportProgress job={job} />}
          {job.status === 'complete' && (
            <ExportOutcomeView outcome={readExportOutcome(job.result)} elapsedMs={job.progress.elapsedMs} />
          )}
          {job.status === 'cancelled' && <p role="status">Export cancelled; no files were replaced.</p>}
          {job.status === 'failed' && (
            <ErrorAlert error={{ title: 'The export failed', detail: job.error?.message ?? '' }} />
          )}
        </div>
      )}
    </section>
  );
}
