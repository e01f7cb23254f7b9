// Org URL input normalised as you type (connection.normaliseOrgUrl), with the notes explained (e.g. the -admin host).
import { useId } from 'react';
import { useNormalisedOrgUrl, type NormalisedOrgUrl } from './useNormalisedOrgUrl';

interface OrgUrlFieldProps {
  value: string;
  onChange: (value: string) => void;
}

export function OrgUrlField({ value, onChange }: OrgUrlFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const { normalised, problem } = useNormalisedOrgUrl(value);
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
        {normalised && <NormalisedUrl normalised={normalised} />}
        {!problem && !normalised && (
          <p>The address you sign in to, e.g. acme.okta.com. Admin and dashboard links work too.</p>
        )}
      </div>
    </div>
  );
}

function NormalisedUrl({ normalised }: { normalised: NormalisedOrgUrl }) {
  return (
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
  );
}
