// Pure: what the Upload screen says about a running or finished upload job (its result crosses the service as JSON,
// so it is read loosely), and which folder to offer as the bundle.
import type { BundleCheckReport } from '../../../../shared/balkanid/bundleCheck';
import type { UploadEvent, UploadResult } from '../../../../shared/balkanid/bundleUpload';
import { formatBytes } from '../../../../shared/formatBytes';
import type { JobState } from '../../../../shared/service/types';

/** One line for the step the upload is at, and how far the file being sent is (0..1), when it is sending. */
export function describeUploadStep(event: UploadEvent | undefined): { text: string; fraction?: number } {
  if (!event) return { text: 'Starting…' };
  switch (event.stage) {
    case 'checking':
      return { text: 'Checking the bundle against its manifest…' };
    case 'requesting-url':
      return { text: `${event.file}: asking BalkanID for an upload URL…` };
    case 'sending': {
      const fraction = event.totalBytes > 0 ? event.sentBytes / event.totalBytes : 1;
      const sent = `${formatBytes(event.sentBytes)} of ${formatBytes(event.totalBytes)}`;
      const attempt = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
      return { text: `${event.file}: uploading ${sent}${attempt}`, fraction };
    }
    case 'retrying':
      return { text: `${event.file}: waiting to try again (attempt ${event.attempt} of ${event.attempts})…` };
    case 'fresh-url':
      return { text: `${event.file}: the upload URL expired; asking for a fresh one…` };
    case 'stored':
      return { text: `${event.file}: sent (${formatBytes(event.bytes)})`, fraction: 1 };
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A finished job's result: the upload's files, or (for a refused bundle) the check's report. */
export function readUploadJobResult(job: JobState): {
  upload?: UploadResult & { notice?: string };
  check?: BundleCheckReport;
} {
  const result = asObject(job.result);
  if (job.status === 'complete' && Array.isArray(result.files)) return { upload: result as never };
  const check = asObject(result.check);
  return Array.isArray(check.findings) ? { check: check as never } : {};
}

/** The folder the latest finished export of this session wrote, to offer as the bundle to upload. */
export function latestExportFolder(jobs: readonly JobState[]): string | undefined {
  for (const job of jobs) {
    const outDir = asObject(job.result).outDir;
    if (job.kind === 'export' && job.status === 'complete' && typeof outDir === 'string') return outDir;
  }
  return undefined;
}
