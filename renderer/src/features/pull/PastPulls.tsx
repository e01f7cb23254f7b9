// Past pulls (snapshots.list): org and label, status, counts, gaps ("incomplete: group members — …"), Resume for
// failed or cancelled ones, Label and Delete.
import { useState } from 'react';
import type { JobState } from '../../../../shared/service/types';
import { useJobs } from '../../app/JobsContext';
import { useSnapshots } from '../../app/SnapshotsContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableHead } from '../../components/TableHead';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { PastPullRow } from './PastPullRow';

const PAST_PULL_COLUMNS = [
  'Snapshot',
  'Org',
  'Status',
  'Started',
  'Finished',
  'Factors',
  'Objects',
  'Gaps',
  { hidden: 'Actions' },
];

interface PastPullsProps {
  pullRunning: boolean;
  onResumed: (job: JobState) => void;
}

export function PastPulls({ pullRunning, onResumed }: PastPullsProps) {
  const client = useService();
  const { snapshots, error } = useSnapshots();
  const { jobs } = useJobs();
  const [notice, setNotice] = useState('');
  const inUse = new Set(jobs.filter((job) => job.status === 'running').map((job) => job.snapshotId));
  const resume = useAsyncAction(async (snapshotId: number) =>
    onResumed(await client.call('pull.resume', { snapshotId })),
  );

  return (
    <section className="panel" aria-labelledby="past-pulls-heading">
      <h2 id="past-pulls-heading">Past pulls</h2>
      <ErrorAlert error={error ?? resume.error} />
      <p role="status" className="text-success">
        {notice}
      </p>
      {snapshots && snapshots.length === 0 && <EmptyState title="No pulls yet" />}
      {snapshots && snapshots.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Past pulls table">
          <table className="data-table">
            <TableHead titles={PAST_PULL_COLUMNS} />
            <tbody>
              {snapshots.map((snapshot) => (
                <PastPullRow
                  key={snapshot.id}
                  snapshot={snapshot}
                  resumeDisabled={pullRunning || resume.pending}
                  onResume={() => void resume.run(snapshot.id)}
                  inUse={inUse.has(snapshot.id)}
                  onActionDone={setNotice}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
