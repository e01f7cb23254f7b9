// A running export: which file is being written, rows so far and elapsed time (totals are not known up front).
import type { JobState } from '../../../../shared/service/types';
import { formatCount, formatDuration } from '../../format/formatDuration';

const FILE_NAMES: Record<string, string> = { entities: 'entities.csv', relations: 'entity-relations.csv' };

export function ExportProgress({ job }: { job: JobState }) {
  const current = job.progress.phases[job.progress.phases.length - 1];
  const fileName = current ? (FILE_NAMES[current.phase] ?? current.phase) : undefined;
  return (
    <div className="export-progress">
      <p className="job-stats">
        {fileName ? `Writing ${fileName}: ${formatCount(current?.rows ?? 0)} rows` : 'Starting…'} · {formatDuration(job.progress.elapsedMs)}
        {job.progress.etaMs !== undefined && ` · about ${formatDuration(job.progress.etaMs)} left`}
      </p>
      <progress aria-label={fileName ? `Writing ${fileName}` : 'Export starting'} />
    </div>
  );
}
