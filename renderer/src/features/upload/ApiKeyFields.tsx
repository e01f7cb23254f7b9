// The BalkanID API key: its id, its secret (a password field, never shown again) and whether to remember it — only in
// the app's secret store, and only once BalkanID has accepted it.
import type { UploadSettings } from '../../../../shared/service/types';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';

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
  const remembered = settings?.hasStoredSecret === true && settings.apiKeyId === draft.keyId.trim();
  return (
    <fieldset className="fieldset">
      <legend>BalkanID API key</legend>
      <TextField label="API key ID" value={draft.keyId} onChange={(keyId) => onChange({ ...draft, keyId })} />
      <TextField
        label="API key secret"
        type="password"
        value={draft.secret}
        placeholder={remembered ? 'Remembered — leave empty to use it' : ''}
        onChange={(secret) => onChange({ ...draft, secret })}
        hint="Sent only to BalkanID when asking for an upload URL; never written to the cache, logs or exports."
      />
      <RememberKey draft={draft} onChange={onChange} settings={settings} onForget={onForget} />
    </fieldset>
  );
}
