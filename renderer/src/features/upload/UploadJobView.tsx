// An upload job: live progress (step, bytes of the file being sent, notes on retries), then the outcome — the files
// BalkanID received, or a plain error (with the bundle's findings when it was refused).
import type { JobState } from '../../../../shared/service/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../../../shared/formatBytes';
import { formatCount, formatDuration } from '../../format/formatDuration';
import { describeError } from '../../service/describeError';
import { BundleCheckView } from './BundleCheckView';
import { describeUploadStep, readUploadJobResult } from './uploadJobResult';

function UploadProgress({ job }: { job: JobState }) {
  const step = describeUploadStep(job.progress.upload?.event);
  const notes = job.progress.upload?.notes ?? [];
  return (
    <div className="export-progress">
      <p className="job-stats">
        {step.text} · {formatDuration(job.progress.elapsedMs)}
      </p>
      <progress aria-label="Upload progress" {...(step.fraction !== undefined && { value: step.fraction, max: 1 })} />
      {notes.length > 0 && (
        <ul className="notes" aria-label="Retries">
          {notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function UploadOutcome({ job }: { job: JobState }) {
  const { upload } = readUploadJobResult(job);
  if (!upload) return null;
  return (
    <div className="export-outcome">
      <p className="text-success" role="status">
        Uploaded to {upload.baseUrl} in {formatDuration(upload.elapsedMs)}.
      </p>
      <dl className="summary-list">
        {upload.files.map((file) => (
          <div key={file.name}>
            <dt>{file.name}</dt>
            <dd>
              {formatCount(file.rows)} rows, {formatBytes(file.bytes)} → {file.endpoint}
              {file.freshUrls > 0 && ' (after a fresh upload URL)'}
              {file.attempts > 1 + file.freshUrls && ` (${file.attempts} attempts)`}
            </dd>
          </div>
        ))}
      </dl>
      {upload.skipped.map((skipped) => (
        <p key={skipped.name} className="field-hint">
          Not sent: {skipped.name} ({skipped.reason}).
        </p>
      ))}
      {upload.notice && <p className="text-warning">{upload.notice}</p>}
    </div>
  );
}

export function UploadJobView({ job }: { job: JobState }) {
  const { check } = readUploadJobResult(job);
  const failure = job.error && describeError(Object.assign(new Error(job.error.message), { code: job.error.code }));
  return (
    <div aria-live="polite">
      {job.status === 'running' && <UploadProgress job={job} />}
      {job.status === 'complete' && <UploadOutcome job={job} />}
      {job.status === 'cancelled' && <p role="status">Upload cancelled. Upload the bundle again to send every file.</p>}
      {job.status === 'failed' && failure && !check && <ErrorAlert error={failure} />}
      {job.status === 'failed' && check && <BundleCheckView report={check} />}
    </div>
  );
}
