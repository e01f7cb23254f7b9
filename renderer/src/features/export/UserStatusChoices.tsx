// Users of which Okta statuses are exported (`okta-prep export --user-statuses`): the statuses the chosen snapshot
// holds, each with its users; every status by default, as on the command line.
import { useId } from 'react';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { plural } from '../../format/formatDuration';
import { useServiceQuery } from '../../service/useServiceQuery';

export function UserStatusChoices() {
  const { selected } = useSnapshots();
  const { session } = useExportOptions();
  const hintId = useId();
  const query = useServiceQuery('snapshots.userStatuses', selected ? { snapshotId: selected.id } : null);
  const present = (query.data ?? []).map((entry) => entry.status);
  const chosen = session.userStatuses ?? present;
  const choose = (status: string, on: boolean) => {
    const next = present.filter((entry) => (entry === status ? on : chosen.includes(entry)));
    session.setUserStatuses(next.length === present.length ? null : next); // all of them: every status, as by default
  };
  return (
    <fieldset className="fieldset">
      <legend>Users by status</legend>
      <p id={hintId} className="field-hint">
        Users of an unticked status are left out with their memberships, app assignments and admin roles. At least one
        status stays ticked.
      </p>
      <ErrorAlert error={query.error} />
      <div className="checkbox-grid">
        {(query.data ?? []).map(({ status, users }) => (
          <StatusCheckbox
            key={status}
            label={status}
            users={users}
            checked={chosen.includes(status)}
            // The last ticked status stays ticked: an export without users is not one.
            disabled={chosen.length === 1 && chosen.includes(status)}
            hintId={hintId}
            onChange={(on) => choose(status, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function StatusCheckbox(props: {
  label: string;
  users: number;
  checked: boolean;
  disabled: boolean;
  hintId: string;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="choice choice-block">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hintId}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span>
        {props.label} <span className="muted">{plural(props.users, 'user')}</span>
      </span>
    </label>
  );
}
