// A record's plain fields as a definition list (long or nested values are left out), written as the tables write
// them (timestamps in local time with the ISO value on hover).
import { displayValue } from '../../format/displayValue';
import { humaniseName } from '../../format/labels';

const HIDDEN_FIELDS = new Set(['raw', 'rawJson', 'raw_json', 'snapshotId', 'snapshot_id']);

export function RecordFields({ record, label }: { record: Record<string, string | number | null>; label: string }) {
  const entries = Object.entries(record).filter(
    ([name, value]) => !HIDDEN_FIELDS.has(name) && value !== null && value !== '' && String(value).length <= 300,
  );
  return (
    <dl className="field-list" aria-label={label}>
      {entries.map(([name, value]) => {
        const shown = displayValue(name, value);
        return (
          <div key={name}>
            <dt>{humaniseName(name)}</dt>
            <dd title={shown.title}>{shown.text}</dd>
          </div>
        );
      })}
    </dl>
  );
}
