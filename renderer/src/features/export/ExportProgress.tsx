// A running export: which file is being written, rows so far and elapsed time (totals are not known up front).
import { BUNDLE_FILE_NAMES } from '../../../../shared/balkanid/bundleFileNames';
import type { JobState } from '../../../../shared/service/types';
import { formatCount, formatDuration } from '../../format/formatDuration';

// Export jobs name their phases after the CSV file they write.
const FILE_NAMES: Record<string, string> = {
  entities: BUNDLE_FILE_NAMES.entities,
  relations: BUNDLE_FILE_NAMES.relations,
  entitlements: BUNDLE_FILE_NAMES.entitlements,
};

export function ExportProgress({ job }: { job: JobState }) {
  const current = job.progress.phases[job.progress.phases.length - 1];
  const fileName = current ? (FILE_NAMES[current.phase] ?? current.phase) : undefined;
  return (
    <div className="export-progress">
      <p className="job-stats">
        {fileName ? `Writing ${fileName}: ${formatCount(current?.rows ?? 0)} rows` : 'Starting…'} ·{' '}
        {formatDuration(job.progress.elapsedMs)}
        {job.progress.etaMs !== undefined && ` · about ${formatDuration(job.progress.etaMs)} left`}
      </p>
      <progress aria-label={fileName ? `Writing ${fileName}` : 'Export starting'} />
    </div>
  );
}
