// Empty state shown wherever a snapshot is needed but none exists yet, with the two ways forward.
import { useNavigation } from '../app/NavigationContext';
import { EmptyState } from './EmptyState';

export function NoSnapshotYet() {
  const { navigate } = useNavigation();
  return (
    <EmptyState title="No snapshot yet — connect to Okta or try the sample org">
      <p>A snapshot is a local copy of the org's users, groups, apps and admin roles. Make one on the Pull screen.</p>
      <div className="button-row">
        <button type="button" onClick={() => navigate('connect')}>
          Go to Connect
        </button>
        <button type="button" onClick={() => navigate('pull')}>
          Go to Pull
        </button>
      </div>
    </EmptyState>
  );
}
