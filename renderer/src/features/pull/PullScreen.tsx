// Pull screen: start, follow, cancel and resume pulls; progress comes live from job.updated events.
import { useConnection } from '../../app/ConnectionContext';
import { useJobs } from '../../app/JobsContext';
import { useNavigation } from '../../app/NavigationContext';
import { EmptyState } from '../../components/EmptyState';
import { PastPulls } from './PastPulls';
import { PullForm } from './PullForm';
import { PullJobCard } from './PullJobCard';

export function PullScreen() {
  const { connection } = useConnection();
  const { jobs, recordJob } = useJobs();
  const { navigate } = useNavigation();
  const pullJobs = jobs.filter((job) => job.kind === 'pull');
  const runningJob = pullJobs.find((job) => job.status === 'running');
  const shownJob = runningJob ?? pullJobs[0];

  return (
    <>
      <h1 tabIndex={-1}>Pull from Okta</h1>
      {connection === null ? (
        <EmptyState title="Not connected yet — connect to Okta or try the sample org">
          <button type="button" onClick={() => navigate('connect')}>
            Go to Connect
          </button>
        </EmptyState>
      ) : (
        <>
          {connection && (
            <p className="lead">
              From <strong>{connection.isSampleOrg ? 'the sample org' : connection.orgUrl}</strong>. Every pull makes a
              new snapshot; earlier snapshots stay untouched.
            </p>
          )}
          <div className="two-columns">
            <PullForm running={Boolean(runningJob)} onStarted={recordJob} />
            {shownJob ? <PullJobCard job={shownJob} /> : <EmptyState title="No pull running" />}
          </div>
        </>
      )}
      <PastPulls pullRunning={Boolean(runningJob)} onResumed={recordJob} />
    </>
  );
}
