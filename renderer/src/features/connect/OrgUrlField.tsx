// Org URL input normalised as you type (connection.normaliseOrgUrl), with the notes explained (e.g. the -admin host).
import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { describeError } from '../../service/describeError';
import { useService } from '../../service/ServiceContext';

export interface NormalisedOrgUrl {
  url: string;
  notes: string[];
}

interface OrgUrlFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Called with the normalised URL, or null while typing or when the input is not a usable URL. */
  onNormalised: (normalised: NormalisedOrgUrl | null) => void;
}

export function OrgUrlField({ value, onChange, onNormalised }: OrgUrlFieldProps) {
  const client = useService();
  const inputId = useId();
  const hintId = useId();
  const settled = useDebouncedValue(value.trim(), 250);
  const [normalised, setNormalised] = useState<NormalisedOrgUrl | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    if (!settled) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- cleared with the request it would have made
      setNormalised(null);
      setProblem(null);
      onNormalised(null);
      return;
    }
    client.call('connection.normaliseOrgUrl', { input: settled }).then(
      (result) => {
        if (!current) return;
        setNormalised(result);
        setProblem(null);
        onNormalised(result);
      },
      (caught: unknown) => {
        if (!current) return;
        setNormalised(null);
        setProblem(describeError(caught).detail || 'This does not look like an Okta org address.');
        onNormalised(null);
      },
    );
    return () => {
      current = false;
    };
  }, [client, settled, onNormalised]);

  return (
    <div className="field">
      <label htmlFor={inputId}>Okta org URL</label>
      <input
        id={inputId}
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder="acme.okta.com"
        value={value}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      <div id={hintId} className="field-hint" aria-live="polite">
        {problem && <p className="text-warning">{problem}</p>}
        {normalised && (
          <>
            <p>
              Will connect to <strong>{normalised.url}</strong>
            </p>
            {normalised.notes.length > 0 && (
              <ul className="notes">
                {normalised.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </>
        )}
        {!problem && !normalised && (
          <p>The address you sign in to, e.g. acme.okta.com. Admin and dashboard links work too.</p>
        )}
      </div>
    </div>
  );
}
