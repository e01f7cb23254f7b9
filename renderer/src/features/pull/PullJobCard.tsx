// The current (or last) pull job: phase bars, requests, rate-limit waits shown as waiting, ETA, cancel and the outcome.
import type { JobState } from '../../../../shared/service/types';
import { useNavigation } from '../../app/NavigationContext';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCount, formatDuration } from '../../format/formatDuration';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { PhaseProgressList } from '../../components/PhaseProgressList';

function RateLimitWaits({ job }: { job: JobState }) {
  const waits = job.progress.rateLimitWaits.filter((wait) => wait.waitedMs >= 500);
  if (waits.length === 0) return null;
  const verb = job.status === 'running' ? 'Waiting for' : 'Waited for';
  return (
    <p className="rate-limit-note">
      {verb} Okta's rate limit: {waits.map((wait) => `${wait.bucket} ${formatDuration(wait.waitedMs)}`).join(', ')}
      {job.status === 'running' && (
        <span className="muted"> (this is normal: the pull slows down so other integrations keep working)</span>
      )}
    </p>
  );
}

function PullWarningList({ job }: { job: JobState }) {
  const { warnings = [], warningCount = 0 } = job.progress;
  if (warningCount === 0) return null;
  const hidden = warningCount - warnings.length;
  return (
    <div className="pull-warnings" role="status">
      <h3>
        {warningCount} warning{warningCount === 1 ? '' : 's'} (the pull went on; kept in the snapshot's log)
      </h3>
      <ul className="gap-list">
        {warnings.map((message, index) => (
          <li key={index}>{message}</li>
        ))}
      </ul>
      {hidden > 0 && <p className="muted">{hidden} earlier warnings are listed under Past pulls.</p>}
    </div>
  );
}

export function PullJobCard({ job }: { job: JobState }) {
  const client = useService();
  const { navigate } = useNavigation();
  const { select } = useSnapshots();
  const cancel = useAsyncAction(() => client.call('jobs.cancel', { jobId: job.id }));
  const running = job.status === 'running';
  const { progress } = job;

  function browseSnapshot() {
    if (job.snapshotId !== undefined) select(job.snapshotId);
    navigate('browse');
  }

  return (
    <section className="panel" aria-labelledby="pull-job-heading">
      <h2 id="pull-job-heading">
        {running ? 'Pulling' : 'Last pull'}
        {job.snapshotId !== undefined && ` into snapshot #${job.snapshotId}`}{' '}
        <StatusBadge status={job.error?.code === 'PULL_PAUSED' ? 'paused' : job.status} />
      </h2>
      <p className="job-stats" aria-live="polite">
        {formatCount(progress.requests)} requests · {formatDuration(progress.elapsedMs)} elapsed
        {running && progress.etaMs !== undefined && ` · about ${formatDuration(progress.etaMs)} left`}
      </p>
      <RateLimitWaits job={job} />
      <PhaseProgressList phases={progress.phases} outcome={job.status} />
      <PullWarningList job={job} />
      <PullOutcome job={job} onBrowse={browseSnapshot} />
      {running && (
        <div className="button-row">
          <button type="button" disabled={cancel.pending} onClick={() => void cancel.run()}>
            {cancel.pending ? 'Cancelling…' : 'Cancel pull'}
          </button>
        </div>
      )}
      <ErrorAlert error={cancel.error} onDismiss={cancel.clearError} />
    </section>
  );
}

/** How the pull ended (nothing while it runs): a link to browse it, or what stopped it and that it can be resumed. */
function PullOutcome({ job, onBrowse }: { job: JobState; onBrowse: () => void }) {
  return (
    <>
      {job.status === 'complete' && (
        <p className="text-success" role="status">
          Pull complete.{' '}
          <button type="button" className="button-link" onClick={onBrowse}>
            Browse snapshot #{job.snapshotId}
          </button>
        </p>
      )}
      {job.status === 'cancelled' && (
        <p role="status">Pull cancelled. You can resume it from the list of past pulls.</p>
      )}
      {job.status === 'failed' && job.error?.code === 'PULL_PAUSED' && (
        <ErrorAlert
          error={{
            title: 'The pull paused',
            detail: `${job.error.message}. Resume it from the list of past pulls below.`,
          }}
        />
      )}
      {job.status === 'failed' && job.error && job.error.code !== 'PULL_PAUSED' && (
        <ErrorAlert
          error={{
            title: 'The pull stopped',
            detail: `${job.error.message} You can resume it from the list of past pulls.`,
          }}
        />
      )}
    </>
  );
}
