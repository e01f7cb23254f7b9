// One user attribute as a checkbox: ticking puts it in its place in the written order (withUserAttribute), so the
// BalkanID list and the snapshot's own profile attributes behave alike, whatever the name (`__proto__` too).
import type { ReactNode } from 'react';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { withUserAttribute } from './userAttributeChoices';

export function AttributeCheckbox({ name, hint }: { name: string; hint?: ReactNode }) {
  const { choices, setChoices } = useExportOptions();
  return (
    <label className="choice choice-block">
      <input
        type="checkbox"
        checked={choices.userAttributes.includes(name)}
        onChange={(event) =>
          setChoices((current) => ({
            ...current,
            userAttributes: withUserAttribute(current.userAttributes, name, event.target.checked),
          }))
        }
      />
      <span>
        <code>{name}</code> {hint !== undefined && <span className="muted">{hint}</span>}
      </span>
    </label>
  );
}
