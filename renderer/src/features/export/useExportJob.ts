// The Export screen's export job: asks the service what the folder already holds before starting (replacing a bundle
// needs the user's yes, sent as `overwrite`), starts and cancels the job, and hands back the job only while the
// screen's choices are still those it was started with.
import { useState } from 'react';
import type { ExportOptionsInput } from '../../../../shared/service/types';
import { useJob, useJobs } from '../../app/JobsContext';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';

export interface ExportRequest {
  snapshotId: number;
  outDir: string;
  options: ExportOptionsInput;
}

export function useExportJob(request: ExportRequest, onStarted: () => void) {
  const client = useService();
  const { recordJob } = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const [startedWith, setStartedWith] = useState<string | null>(null);
  const [toReplace, setToReplace] = useState<string[] | null>(null);
  const job = useJob(jobId);
  const running = job?.status === 'running';
  const settings = JSON.stringify(request);
  // A finished export's outcome is forgotten once any choice changes (even if changed back: it was seen as stale).
  if (startedWith !== null && startedWith !== settings && !running) setStartedWith(null);

  const launch = async (overwrite: boolean) => {
    const started = await client.call('export.start', { ...request, ...(overwrite && { overwrite }) });
    recordJob(started);
    setJobId(started.id);
    setStartedWith(settings);
    setToReplace(null);
    onStarted();
  };
  const start = useAsyncAction(async () => {
    const { bundleFiles } = await client.call('export.checkFolder', { path: request.outDir });
    if (bundleFiles.length > 0) setToReplace(bundleFiles);
    else await launch(false);
  });
  const replace = useAsyncAction(() => launch(true));
  const cancel = useAsyncAction(async (id: string) => recordJob(await client.call('jobs.cancel', { jobId: id })));
  const shown = job && (running || startedWith === settings) ? job : undefined;
  return {
    job: shown,
    running,
    start,
    replace,
    cancel: { pending: cancel.pending, error: cancel.error, run: () => job && void cancel.run(job.id) },
    toReplace,
    keepBundle: () => setToReplace(null),
  };
}
