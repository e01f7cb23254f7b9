// Profile attributes beyond the BalkanID list (an org's custom attributes, such as costCenter): added by name, any name
// (commas, quotes, `constructor` too), checked with the same rules as the CLI and the service before they are taken.
import { useId, useState } from 'react';
import { checkExportChoices, describeChoiceProblems } from '../../../../shared/balkanid/exportMappingRules';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { otherUserAttributes } from './userAttributeChoices';

export function OtherUserAttributes() {
  const { choices, setChoices } = useExportOptions();
  const inputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const others = otherUserAttributes(choices.userAttributes);

  function add() {
    const name = draft.trim();
    if (choices.userAttributes.includes(name)) return setProblem(`"${name}" is already chosen`);
    const checked = checkExportChoices({
      mapping: choices.mapping,
      userAttributes: [...choices.userAttributes, draft],
    });
    if (checked.errors.length > 0) return setProblem(`Not added: ${describeChoiceProblems(checked.errors)}`);
    setChoices((current) => ({ ...current, userAttributes: [...current.userAttributes, name] }));
    setDraft('');
    setProblem(null);
  }

  return (
    <div className="field other-attributes">
      <label htmlFor={inputId}>Other profile attribute</label>
      <div className="field-inline">
        <input
          id={inputId}
          type="text"
          spellCheck={false}
          value={draft}
          aria-invalid={problem !== null}
          aria-describedby={hintId}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
        />
        <button type="button" onClick={add} disabled={draft.trim() === ''}>
          Add attribute
        </button>
      </div>
      <div id={hintId} className="field-hint" aria-live="polite">
        {problem ? (
          <p className="field-error">{problem}</p>
        ) : (
          <p>A custom attribute's variable name from Okta's profile editor, written as it is.</p>
        )}
      </div>
      {others.length > 0 && (
        <ul className="plain-list" aria-label="Added profile attributes">
          {others.map((name) => (
            <li key={name}>
              <code>{name}</code>{' '}
              <button
                type="button"
                className="button-link"
                aria-label={`Remove ${name}`}
                onClick={() =>
                  setChoices((current) => ({
                    ...current,
                    userAttributes: current.userAttributes.filter((entry) => entry !== name),
                  }))
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint" data-testid="attribute-order">
        Written in this order: {choices.userAttributes.length > 0 ? choices.userAttributes.join(', ') : 'none'}
      </p>
    </div>
  );
}
