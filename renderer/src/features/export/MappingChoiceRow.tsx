// One export-mapping choice as a table row: its label, the field to change it, its default and whether BalkanID
// publishes it; a refused value is marked invalid with the reason and the value still in use.
import { useId } from 'react';
import type { MappingChoice } from '../../../../shared/balkanid/exportMappingChoices';

export interface ChoiceNotes {
  /** Why the value typed was not applied. */
  errors: string[];
  /** The value in use departs from what BalkanID publishes. */
  warnings: string[];
}

interface MappingChoiceRowProps {
  choice: MappingChoice;
  /** What the field shows: the value typed, or the one in use. */
  value: string;
  inUse: string;
  notes: ChoiceNotes | undefined;
  onChange: (value: string) => void;
}

export function MappingChoiceRow({ choice, value, inUse, notes, onChange }: MappingChoiceRowProps) {
  const noteId = useId();
  const errors = notes?.errors ?? [];
  const warnings = notes?.warnings ?? [];
  const described = errors.length > 0 || warnings.length > 0;
  return (
    <tr>
      <th scope="row">{choice.label}</th>
      <td>
        <input
          type="text"
          spellCheck={false}
          aria-label={choice.label}
          value={value}
          placeholder={choice.emptyAllowed ? '(none)' : undefined}
          aria-invalid={errors.length > 0}
          aria-describedby={described ? noteId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <div id={noteId} aria-live="polite">
          {errors.length > 0 && (
            <p className="field-error">
              Not applied: {errors.join('; ')}. In use: &ldquo;{inUse}&rdquo;.
            </p>
          )}
          {warnings.map((warning) => (
            <p key={warning} className="field-hint text-warning">
              {warning}
            </p>
          ))}
        </div>
      </td>
      <td>
        <code>{choice.defaultValue === '' ? '(none)' : choice.defaultValue}</code>
      </td>
      <td>{choice.published ? `published (${choice.published})` : 'our choice'}</td>
    </tr>
  );
}
