// Run an export: output folder (the last one used, a native dialog in the desktop app, suggestions in the browser),
// the per-run choices (format, parts, publish despite errors, a review copy), start, progress, cancel and the outcome.
// An export of nothing cannot be started (the reason is shown by the button), replacing a bundle already in the
// folder is asked first, and the outcome goes away as soon as a choice changes: it describes the files as exported,
// not as the screen now stands.
import { useId, useState } from 'react';
import { nothingToExportReason } from '../../../../shared/balkanid/nothingToExport';
import type { ExportOptionsInput, JobState } from '../../../../shared/service/types';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServiceQuery } from '../../service/useServiceQuery';
import { readExportOutcome } from './exportResult';
import { ExportOutcomeView } from './ExportOutcomeView';
import { ExportProgress } from './ExportProgress';
import { ExportRunChoices } from './ExportRunChoices';
import { OutputFolderField } from './OutputFolderField';
import { ReplaceBundleDialog } from './ReplaceBundleDialog';
import { useExportJob } from './useExportJob';

/** Why the Export button is disabled, in a sentence the user can act on; undefined when it can be pressed. */
function blockedReason(exportable: boolean, options: ExportOptionsInput, outDir: string): string | undefined {
  if (!exportable) return 'Only a complete snapshot can be exported. Resume the pull first.';
  const nothing = nothingToExportReason(options);
  if (nothing !== undefined) return `${nothing.charAt(0).toUpperCase()}${nothing.slice(1)}.`;
  if (outDir.trim() === '') return 'Choose the output folder.';
  return undefined;
}

export function ExportRun({ snapshotId, exportable }: { snapshotId: number; exportable: boolean }) {
  const appInfo = useServiceQuery('app.info', {});
  const folders = useServiceQuery('export.defaultFolder', {});
  const [folderInput, setFolderInput] = useState<string | null>(null);
  const { options, session } = useExportOptions();
  const { runChoices, setRunChoices } = session; // the summary and preview follow the format
  const outDir = folderInput ?? folders.data?.path ?? '';
  const runOptions: ExportOptionsInput = { ...options, ...runChoices };
  const run = useExportJob({ snapshotId, outDir: outDir.trim(), options: runOptions }, folders.reload);
  return (
    <section className="panel" aria-labelledby="export-run-heading">
      <h2 id="export-run-heading">Export</h2>
      <OutputFolderField
        value={outDir}
        onChange={setFolderInput}
        format={runChoices.format}
        recent={folders.data?.recent ?? []}
        desktop={appInfo.data?.transport === 'ipc'}
      />
      <ExportRunChoices choices={runChoices} onChange={setRunChoices} />
      <RunButtons run={run} blocked={blockedReason(exportable, runOptions, outDir)} />
      <ErrorAlert error={run.start.error ?? run.replace.error ?? run.cancel.error ?? folders.error} />
      <ReplaceBundleDialog
        folder={outDir.trim()}
        files={run.toReplace}
        pending={run.replace.pending}
        onConfirm={() => void run.replace.run()}
        onCancel={run.keepBundle}
      />
      {run.job && <ExportJobState job={run.job} />}
    </section>
  );
}

/** Export (disabled with the reason beside it when it cannot run) and, while it runs, Cancel. */
function RunButtons({ run, blocked }: { run: ReturnType<typeof useExportJob>; blocked: string | undefined }) {
  const reasonId = useId();
  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={blocked !== undefined || run.running || run.start.pending}
          aria-describedby={blocked === undefined ? undefined : reasonId}
          onClick={() => void run.start.run()}
        >
          {run.running ? 'Exporting…' : 'Export files'}
        </button>
        {run.running && (
          <button type="button" disabled={run.cancel.pending} onClick={run.cancel.run}>
            Cancel export
          </button>
        )}
      </div>
      {blocked !== undefined && (
        <p id={reasonId} className="text-warning">
          {blocked}
        </p>
      )}
    </>
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
