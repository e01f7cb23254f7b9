// Run an export: output folder (prefilled from export.defaultFolder), the per-run choices (publish despite errors, a
// review copy), start, progress, cancel and the outcome.
import { useId, useState } from 'react';
import type { JobState } from '../../../../shared/service/types';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { useJob, useJobs } from '../../app/JobsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { useServiceQuery } from '../../service/useServiceQuery';
import { readExportOutcome } from './exportResult';
import { ExportOutcomeView } from './ExportOutcomeView';
import { ExportProgress } from './ExportProgress';
import { ExportRunChoices, type RunChoices } from './ExportRunChoices';

/** The export job of this screen: starting it with the choices made, and cancelling it. */
function useExportJob(snapshotId: number, outDir: string, runChoices: RunChoices) {
  const client = useService();
  const { options } = useExportOptions();
  const { recordJob } = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const start = useAsyncAction(async () => {
    const started = await client.call('export.start', {
      snapshotId,
      outDir: outDir.trim(),
      options: { ...options, ...runChoices },
    });
    recordJob(started);
    setJobId(started.id);
  });
  const cancel = useAsyncAction(async (id: string) => recordJob(await client.call('jobs.cancel', { jobId: id })));
  return { job, start, cancel };
}

export function ExportRun({ snapshotId, exportable }: { snapshotId: number; exportable: boolean }) {
  const defaultFolder = useServiceQuery('export.defaultFolder', {});
  const [folderInput, setFolderInput] = useState<string | null>(null);
  const { runChoices, setRunChoices } = useExportOptions().session; // the summary and preview follow the format
  const outDir = folderInput ?? defaultFolder.data?.path ?? '';
  const { job, start, cancel } = useExportJob(snapshotId, outDir, runChoices);
  const running = job?.status === 'running';
  return (
    <section className="panel" aria-labelledby="export-run-heading">
      <h2 id="export-run-heading">Export</h2>
      <OutputFolderField value={outDir} onChange={setFolderInput} format={runChoices.format} />
      <ExportRunChoices choices={runChoices} onChange={setRunChoices} />
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={!exportable || running || start.pending || !outDir.trim()}
          onClick={() => void start.run()}
        >
          {running ? 'Exporting…' : 'Export files'}
        </button>
        {running && job && <CancelButton disabled={cancel.pending} onClick={() => void cancel.run(job.id)} />}
      </div>
      {!exportable && <p className="text-warning">Only a complete snapshot can be exported. Resume the pull first.</p>}
      <ErrorAlert error={start.error ?? cancel.error ?? defaultFolder.error} />
      {job && <ExportJobState job={job} />}
    </section>
  );
}

function CancelButton({ disabled, onClick }: { disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" disabled={disabled} onClick={onClick}>
      Cancel export
    </button>
  );
}

const WRITTEN: Record<RunChoices['format'], string> = {
  'entities-relations': 'entities.csv, entity-relations.csv and manifest.json are',
  entitlements: 'entitlements.csv and manifest.json are',
};

function OutputFolderField(props: { value: string; onChange: (value: string) => void; format: RunChoices['format'] }) {
  const { value, onChange } = props;
  const folderId = useId();
  return (
    <div className="field">
      <label htmlFor={folderId}>Output folder</label>
      <input
        id={folderId}
        type="text"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="field-hint">{WRITTEN[props.format]} written here; files are replaced only once complete.</p>
    </div>
  );
}

function ExportJobState({ job }: { job: JobState }) {
  return (
    <div aria-live="polite">
      {job.status === 'running' && <ExportProgress job={job} />}
      {job.status === 'complete' && (
        <ExportOutcomeView outcome={readExportOutcome(job.result)} elapsedMs={job.progress.elapsedMs} />
      )}
      {job.status === 'cancelled' && <p role="status">Export cancelled; no files were replaced.</p>}
      {job.status === 'failed' && (
        <ErrorAlert error={{ title: 'The export failed', detail: job.error?.message ?? '' }} />
      )}
    </div>
  );
}
