// One checkbox with its label and a hint the checkbox is described by (aria-describedby), as the forms use them.
import { useId, type ReactNode } from 'react';

interface CheckboxFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  hint: ReactNode;
}

export function CheckboxField({ checked, onChange, label, hint }: CheckboxFieldProps) {
  const hintId = useId();
  return (
    <div className="field">
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
