// Runs an upload as a job of the service's JobRegistry, in the service's own process rather than a worker thread:
// it is network-bound, its hashing reads 256 KiB at a time (yielding to the event loop between chunks), it needs no
// database, and the API key secret then never has to be copied into another thread.
import type { UploadEvent } from '../../../../shared/balkanid/bundleUpload';
import { describeUploadNote } from '../../../../shared/balkanid/bundleUpload';
import type { JobState } from '../../../../shared/service/types';
import type { BalkanIdApiKey } from '../../balkanid/upload/apiKey';
import { uploadBundle } from '../../balkanid/upload/uploadBundle';
import type { JobRegistry } from '../jobs/jobRegistry';
import { uploadFailure } from './uploadFailure';

const KEPT_NOTES = 5;

export interface UploadJobInput {
  dir: string;
  baseUrl: string;
  apiKey: BalkanIdApiKey;
  /** Called once BalkanID has accepted every file (to remember the key); what it returns is noted in the result. */
  onSuccess?: () => Promise<string | undefined>;
}

export function startUploadJob(jobs: JobRegistry, input: UploadJobInput): JobState {
  const controller = new AbortController();
  const job = jobs.create('upload', () => controller.abort(new Error('cancelled by the user')));
  const startedAt = Date.now();
  const notes: string[] = [];
  const onEvent = (event: UploadEvent) => {
    const note = describeUploadNote(event);
    if (note) notes.push(note);
    if (notes.length > KEPT_NOTES) notes.shift();
    const progress = { phases: [], requests: 0, rateLimitWaits: [], elapsedMs: Date.now() - startedAt };
    jobs.progress(job.id, { ...progress, upload: { event, notes: [...notes] } });
  };
  void uploadBundle({
    dir: input.dir,
    baseUrl: input.baseUrl,
    apiKey: input.apiKey,
    signal: controller.signal,
    onEvent,
  })
    .then(async (result) => {
      const notice = await input.onSuccess?.();
      jobs.finish(job.id, { status: 'complete', result: notice ? { ...result, notice } : result });
    })
    .catch((error: unknown) => {
      const failure = uploadFailure(error);
      jobs.finish(job.id, {
        status: failure.cancelled ? 'cancelled' : 'failed',
        error: failure.error,
        result: failure.result,
      });
    });
  return jobs.get(job.id)!;
}
