// The profile attributes the chosen snapshot's users hold beyond BalkanID's list (snapshots.profileAttributes: every
// key, custom ones too, with how many users hold it), each a checkbox, and Select all / Select none over every
// attribute offered.
import type { ProfileAttributeCount } from '../../../../shared/service/types';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { plural } from '../../format/formatDuration';
import type { ErrorDescription } from '../../service/describeError';
import { useServiceQuery } from '../../service/useServiceQuery';
import { AttributeCheckbox } from './AttributeCheckbox';
import {
  DEFAULT_USER_ATTRIBUTES,
  profileKeyHint,
  snapshotOnlyAttributes,
  withEveryUserAttribute,
} from './userAttributeChoices';

/** The chosen snapshot's profile attributes that are not in the BalkanID list, read once per snapshot. */
export function useSnapshotProfileAttributes() {
  const { selected } = useSnapshots();
  const query = useServiceQuery('snapshots.profileAttributes', selected ? { snapshotId: selected.id } : null);
  return { attributes: snapshotOnlyAttributes(query.data ?? []), loading: query.loading, error: query.error };
}

export function SelectAllOrNone({ offered }: { offered: readonly string[] }) {
  const { setChoices } = useExportOptions();
  return (
    <div className="button-row">
      <button
        type="button"
        onClick={() =>
          setChoices((current) => ({
            ...current,
            userAttributes: withEveryUserAttribute(current.userAttributes, [...DEFAULT_USER_ATTRIBUTES, ...offered]),
          }))
        }
      >
        Select all attributes
      </button>
      <button type="button" onClick={() => setChoices((current) => ({ ...current, userAttributes: [] }))}>
        Select none
      </button>
    </div>
  );
}

export function SnapshotProfileAttributes(props: {
  attributes: ProfileAttributeCount[];
  loading: boolean;
  error: ErrorDescription | null;
}) {
  const { attributes, loading, error } = props;
  return (
    <div className="field" role="group" aria-labelledby="snapshot-attributes-heading" aria-busy={loading}>
      <h3 id="snapshot-attributes-heading">Other profile attributes the users hold</h3>
      <ErrorAlert error={error} />
      {loading && attributes.length === 0 && <p className="field-hint">Reading the users' profiles…</p>}
      {!loading && !error && attributes.length === 0 && (
        <p className="field-hint">The users of this snapshot hold no other profile attribute.</p>
      )}
      <div className="checkbox-grid">
        {attributes.map(({ name, users }) => (
          <AttributeCheckbox
            key={name}
            name={name}
            hint={[plural(users, 'user'), profileKeyHint(name)].filter(Boolean).join(', ')}
          />
        ))}
      </div>
    </div>
  );
}
