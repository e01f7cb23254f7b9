// A running file check: what is being read, how far (bytes of both files), rows so far, time, and Cancel.
import type { JobState } from '../../../../shared/service/types';
import { formatCount, formatDuration } from '../../format/formatDuration';

const PHASE_TEXT: Record<string, string> = {
  entities: 'Reading the entities file',
  relations: 'Reading the relations file',
  entitlements: 'Reading the entitlements file',
  'cross-file': 'Checking the relations against the entities',
};

export function ValidationProgress({
  job,
  onCancel,
  cancelling,
}: {
  job: JobState;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { phases, bytesRead = 0, bytesTotal = 0, elapsedMs, etaMs } = job.progress;
  const current = phases.find((phase) => phase.tasksDone < phase.tasksTotal && phase.rows > 0) ?? phases[0];
  const text = current ? (PHASE_TEXT[current.phase] ?? current.phase) : 'Starting';
  const percent = bytesTotal > 0 ? Math.floor((100 * bytesRead) / bytesTotal) : 0;
  return (
    <div className="export-progress" role="status">
      <p className="job-stats">
        {text}
        {current && current.rows > 0 ? `: ${formatCount(current.rows)} rows` : '…'} · {percent}% ·{' '}
        {formatDuration(elapsedMs)}
        {etaMs !== undefined && ` · about ${formatDuration(etaMs)} left`}
      </p>
      <progress aria-label="Checking the files" max={100} value={percent} />
      <div className="button-row">
        <button type="button" disabled={cancelling} onClick={onCancel}>
          Cancel check
        </button>
      </div>
    </div>
  );
}
