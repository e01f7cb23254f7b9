// Profile attributes beyond the BalkanID list (an org's custom attributes, such as costCenter): added by name, any name
// (commas, quotes, `constructor` too), checked with the same rules as the CLI and the service before they are taken.
import { useId, useState } from 'react';
import { checkExportChoices, describeChoiceProblems } from '../../../../shared/balkanid/exportMappingRules';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { otherUserAttributes } from './userAttributeChoices';

const ADD_HINT =
  "A custom attribute's variable name from Okta's profile editor (one no user of this snapshot holds yet), written " +
  'as it is.';

/** `listed`: names the snapshot's own attribute checkboxes show already (not repeated among those added by name). */
export function OtherUserAttributes({ listed }: { listed: readonly string[] }) {
  const { choices } = useExportOptions();
  const inputId = useId();
  const hintId = useId();
  const { draft, setDraft, problem, add } = useAttributeToAdd();
  const others = otherUserAttributes(choices.userAttributes).filter((name) => !listed.includes(name));
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
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
        />
        <button type="button" onClick={add} disabled={draft.trim() === ''}>
          Add attribute
        </button>
      </div>
      <div id={hintId} className="field-hint" aria-live="polite">
        {problem ? <p className="field-error">{problem}</p> : <p>{ADD_HINT}</p>}
      </div>
      <AddedAttributes names={others} />
      <p className="field-hint" data-testid="attribute-order">
        Written in this order: {choices.userAttributes.length > 0 ? choices.userAttributes.join(', ') : 'none'}
      </p>
    </div>
  );
}

/** The attributes added by name, each with its Remove button. */
function AddedAttributes({ names }: { names: readonly string[] }) {
  const { setChoices } = useExportOptions();
  if (names.length === 0) return null;
  const remove = (name: string) =>
    setChoices((current) => ({
      ...current,
      userAttributes: current.userAttributes.filter((entry) => entry !== name),
    }));
  return (
    <ul className="plain-list" aria-label="Added profile attributes">
      {names.map((name) => (
        <li key={name}>
          <code>{name}</code>{' '}
          <button type="button" className="button-link" aria-label={`Remove ${name}`} onClick={() => remove(name)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The name being typed, why it cannot be added (checked by the CLI's and the service's rules), and adding it. */
function useAttributeToAdd() {
  const { choices, setChoices } = useExportOptions();
  const [draft, setDraftText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function add() {
    const name = draft.trim();
    if (choices.userAttributes.includes(name)) return setProblem(`"${name}" is already chosen`);
    const checked = checkExportChoices({
      mapping: choices.mapping,
      userAttributes: [...choices.userAttributes, draft],
    });
    if (checked.errors.length > 0) return setProblem(`Not added: ${describeChoiceProblems(checked.errors)}`);
    setChoices((current) => ({ ...current, userAttributes: [...current.userAttributes, name] }));
    setDraftText('');
    setProblem(null);
  }
  const setDraft = (text: string) => {
    setDraftText(text);
    setProblem(null);
  };
  return { draft, setDraft, problem, add };
}
