// Checking CSV files the user opened or dropped, as a job of the service: start (upload or path), follow, cancel. A
// report exists only once the job completed; a cancelled or failed check has none.
import { useState } from 'react';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import type { JobState } from '../../../../shared/service/types';
import { useJob, useJobs } from '../../app/JobsContext';
import { useAsyncAction, type AsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { classifyChosenFiles, readSourceTexts } from './chosenCsvFiles';
import type { FileTexts } from './FindingDetail';

interface FileCheck {
  jobId: string;
  source: string;
  texts: FileTexts | null;
}

export interface FileCheckState {
  check: FileCheck | null;
  job: JobState | undefined;
  /** The report of a completed check, else undefined. */
  report: ValidationReport | undefined;
  /** Files that were not checked, with why. */
  ignored: string[];
  start: AsyncAction<[File[]], void>;
  cancel: AsyncAction<[string], void>;
  clear: () => void;
}

export function useFileCheck(): FileCheckState {
  const client = useService();
  const { recordJob } = useJobs();
  const [check, setCheck] = useState<FileCheck | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const job = useJob(check?.jobId);

  const start = useAsyncAction(async (files: File[]) => {
    setCheck(null);
    const { entities, relations, ignored: left } = await classifyChosenFiles(files);
    setIgnored(left.map((file) => `${file.name} (${file.reason})`));
    if (!entities && !relations) return; // nothing that could be a CSV: what was left out says why
    // The service reads the files from disk (desktop app) or from a streamed upload (browser build), never from JSON.
    const [entitiesRef, relationsRef] = await Promise.all([
      entities && client.fileRef(entities.file),
      relations && client.fileRef(relations.file),
    ]);
    const started = await client.call('validate.start', {
      ...(entitiesRef ? { entities: entitiesRef } : {}),
      ...(relationsRef ? { relations: relationsRef } : {}),
    });
    recordJob(started);
    const names = [entities && `${entities.name} as entities`, relations && `${relations.name} as relations`]
      .filter(Boolean)
      .join(', ');
    const texts = await readSourceTexts({ entities, relations });
    setCheck({ jobId: started.id, source: `Checked ${names}`, texts });
  });
  const cancel = useAsyncAction(async (jobId: string) => recordJob(await client.call('jobs.cancel', { jobId })));
  const report = job?.status === 'complete' ? (job.result as ValidationReport) : undefined;
  return { check, job, report, ignored, start, cancel, clear: () => setCheck(null) };
}
