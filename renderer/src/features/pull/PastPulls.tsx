// Past pulls (snapshots.list): status, counts, gaps ("incomplete: group members — …") and Resume for failed or
// cancelled ones.
import type { JobState } from '../../../../shared/service/types';
import { useSnapshots } from '../../app/SnapshotsContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { PastPullRow } from './PastPullRow';

interface PastPullsProps {
  pullRunning: boolean;
  onResumed: (job: JobState) => void;
}

export function PastPulls({ pullRunning, onResumed }: PastPullsProps) {
  const client = useService();
  const { snapshots, error } = useSnapshots();
  const resume = useAsyncAction(async (snapshotId: number) =>
    onResumed(await client.call('pull.resume', { snapshotId })),
  );

  return (
    <section className="panel" aria-labelledby="past-pulls-heading">
      <h2 id="past-pulls-heading">Past pulls</h2>
      <ErrorAlert error={error ?? resume.error} />
      {snapshots && snapshots.length === 0 && <EmptyState title="No pulls yet" />}
      {snapshots && snapshots.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Past pulls table">
          <table className="data-table">
            <PastPullsHead />
            <tbody>
              {snapshots.map((snapshot) => (
                <PastPullRow
                  key={snapshot.id}
                  snapshot={snapshot}
                  resumeDisabled={pullRunning || resume.pending}
                  onResume={() => void resume.run(snapshot.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PastPullsHead() {
  return (
    <thead>
      <tr>
        {['Snapshot', 'Status', 'Started', 'Finished', 'Factors', 'Objects', 'Gaps'].map((title) => (
          <th key={title} scope="col">
            {title}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
