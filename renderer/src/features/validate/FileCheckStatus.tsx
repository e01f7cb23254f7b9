// Where a check of chosen files stands while there is no report: running (progress, Cancel), cancelled, or failed.
import { ErrorAlert } from '../../components/ErrorAlert';
import type { FileCheckState } from './useFileCheck';
import { ValidationProgress } from './ValidationProgress';

export function FileCheckStatus({ fileCheck }: { fileCheck: FileCheckState }) {
  const { job, cancel } = fileCheck;
  return (
    <>
      {job?.status === 'running' && (
        <ValidationProgress job={job} cancelling={cancel.pending} onCancel={() => void cancel.run(job.id)} />
      )}
      {job?.status === 'cancelled' && (
        <p role="status" className="text-warning">
          Check cancelled: there is no report. Open the files again to check them.
        </p>
      )}
      <ErrorAlert
        error={
          cancel.error ??
          (job?.status === 'failed' ? { title: 'The check failed', detail: job.error?.message ?? '' } : undefined)
        }
      />
    </>
  );
}
