// The BalkanID API key: its id, its secret (a password field, never shown again) and whether to remember it — only in
// the app's secret store, and only once BalkanID has accepted it.
import { useId } from 'react';
import type { UploadSettings } from '../../../../shared/service/types';
import { CheckboxField } from '../../components/CheckboxField';

export interface ApiKeyDraft {
  keyId: string;
  secret: string;
  remember: boolean;
}

interface ApiKeyFieldsProps {
  draft: ApiKeyDraft;
  onChange: (draft: ApiKeyDraft) => void;
  settings: UploadSettings | undefined;
  onForget: () => void;
}

/** "Remember this key" (where it would be kept), and a way to forget the key remembered now. */
function RememberKey({ draft, onChange, settings, onForget }: ApiKeyFieldsProps) {
  const persisted = settings?.secretPersistence.persisted === true;
  return (
    <>
      <CheckboxField
        checked={draft.remember}
        onChange={(remember) => onChange({ ...draft, remember })}
        label="Remember this key"
        hint={
          persisted
            ? 'Kept encrypted on this computer once BalkanID has accepted it.'
            : 'Kept in memory until Okta Prep stops, once BalkanID has accepted it.'
        }
      />
      {settings?.hasStoredSecret && (
        <p className="field-hint">
          A key is remembered{settings.apiKeyId ? ` (${settings.apiKeyId})` : ''}.{' '}
          <button type="button" className="button-link" onClick={onForget}>
            Forget it
          </button>
        </p>
      )}
    </>
  );
}

export function ApiKeyFields({ draft, onChange, settings, onForget }: ApiKeyFieldsProps) {
  const keyIdId = useId();
  const secretId = useId();
  const remembered = settings?.hasStoredSecret === true && settings.apiKeyId === draft.keyId.trim();
  return (
    <fieldset className="fieldset">
      <legend>BalkanID API key</legend>
      <div className="field">
        <label htmlFor={keyIdId}>API key ID</label>
        <input
          id={keyIdId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={draft.keyId}
          onChange={(event) => onChange({ ...draft, keyId: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={secretId}>API key secret</label>
        <input
          id={secretId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft.secret}
          placeholder={remembered ? 'Remembered — leave empty to use it' : ''}
          onChange={(event) => onChange({ ...draft, secret: event.target.value })}
        />
        <p className="field-hint">
          Sent only to BalkanID when asking for an upload URL; never written to the cache, logs or exports.
        </p>
      </div>
      <RememberKey draft={draft} onChange={onChange} settings={settings} onForget={onForget} />
    </fieldset>
  );
}
