// The OAuth service app way in: its client id and its private key, read from a file the user picks (PEM or JWK).
import { useId } from 'react';
import { TextField } from '../../components/TextField';
import type { AuthDraft } from './AuthFields';

interface OAuthAppFieldsProps {
  draft: AuthDraft;
  onChange: (draft: AuthDraft) => void;
  /** Why the last key file picked was refused; kept by AuthFields so it survives switching the kind back and forth. */
  keyProblem: string | null;
  onKeyProblem: (problem: string | null) => void;
}

export function OAuthAppFields({ draft, onChange, keyProblem, onKeyProblem }: OAuthAppFieldsProps) {
  const keyId = useId();

  async function readKeyFile(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    const looksLikeKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) || text.trim().startsWith('{');
    onKeyProblem(looksLikeKey ? null : `${file.name} does not look like a private key (PEM or JWK).`);
    if (looksLikeKey) onChange({ ...draft, privateKey: text, privateKeyFileName: file.name });
  }

  return (
    <>
      <TextField label="Client ID" value={draft.clientId} onChange={(clientId) => onChange({ ...draft, clientId })} />
      <div className="field">
        <label htmlFor={keyId}>Private key file (PEM or JWK)</label>
        <input
          id={keyId}
          type="file"
          accept=".pem,.key,.json,.jwk,text/plain"
          onChange={(event) => void readKeyFile(event.target.files?.[0])}
        />
        <p className="field-hint" aria-live="polite">
          {keyProblem ?? keyHint(draft.privateKeyFileName)}
        </p>
      </div>
    </>
  );
}

function keyHint(fileName: string): string {
  return fileName
    ? `Loaded ${fileName}; it is stored encrypted and never shown again.`
    : 'The key of the service app; it never leaves this computer except to sign requests to Okta.';
}
