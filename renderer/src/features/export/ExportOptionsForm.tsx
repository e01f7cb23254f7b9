// Export choices: users of which statuses, which relation kinds to write and which user attributes go into identity
// metadata (data minimisation).
import { RELATION_KINDS } from '../../../../shared/balkanid/columns';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { RELATION_KIND_LABELS } from '../../format/labels';
import { AttributeCheckbox } from './AttributeCheckbox';
import { OtherUserAttributes } from './OtherUserAttributes';
import { SelectAllOrNone, SnapshotProfileAttributes, useSnapshotProfileAttributes } from './SnapshotProfileAttributes';
import { DEFAULT_USER_ATTRIBUTES, USER_ATTRIBUTE_HINTS } from './userAttributeChoices';
import { UserStatusChoices } from './UserStatusChoices';

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((entry) => entry !== item), item] : list.filter((entry) => entry !== item);
}

export function ExportOptionsForm() {
  return (
    <section className="panel" aria-labelledby="export-options-heading">
      <h2 id="export-options-heading">What to export</h2>
      <UserStatusChoices />
      <RelationChoices />
      <UserAttributeChoices />
    </section>
  );
}

/** Which relation kinds are written, and whether group-granted app access is also written user → app. */
function RelationChoices() {
  const { choices, setChoices } = useExportOptions();
  return (
    <fieldset className="fieldset">
      <legend>Relations</legend>
      {RELATION_KINDS.map((kind) => (
        <label key={kind} className="choice choice-block">
          <input
            type="checkbox"
            checked={choices.relationKinds.includes(kind)}
            onChange={(event) =>
              setChoices((current) => ({
                ...current,
                relationKinds: toggle(current.relationKinds, kind, event.target.checked),
              }))
            }
          />
          <span>
            {RELATION_KIND_LABELS[kind].label} <span className="muted">— {RELATION_KIND_LABELS[kind].description}</span>
          </span>
        </label>
      ))}
      <label className="choice choice-block">
        <input
          type="checkbox"
          checked={choices.flattenGroupAppAssignments}
          onChange={(event) =>
            setChoices((current) => ({ ...current, flattenGroupAppAssignments: event.target.checked }))
          }
        />
        <span>
          Also write user → app rows for access held only through a group{' '}
          <span className="muted">— makes every user's access explicit</span>
        </span>
      </label>
    </fieldset>
  );
}

/** The profile attributes written into identity metadata (data minimisation): BalkanID's list, the snapshot's own. */
function UserAttributeChoices() {
  const { options } = useExportOptions();
  const snapshot = useSnapshotProfileAttributes();
  const snapshotNames = snapshot.attributes.map((attribute) => attribute.name);
  return (
    <fieldset className="fieldset">
      <legend>User attributes in identity metadata</legend>
      <p className="field-hint">
        Leave out what BalkanID does not need. Unticked attributes never leave this computer.
        {options.format === 'entitlements' &&
          ' The entitlements format writes no metadata: these choices apply to the entities and relations files.'}
      </p>
      <SelectAllOrNone offered={snapshotNames} />
      <div className="checkbox-grid">
        {DEFAULT_USER_ATTRIBUTES.map((name) => (
          <AttributeCheckbox key={name} name={name} hint={USER_ATTRIBUTE_HINTS[name]} />
        ))}
      </div>
      <SnapshotProfileAttributes {...snapshot} />
      <OtherUserAttributes listed={snapshotNames} />
    </fieldset>
  );
}
