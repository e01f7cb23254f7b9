// How Okta Prep signs in: an SSWS API token (password field, never echoed back) or an OAuth service app with a private
// key file.
import { useId, useState } from 'react';
import type { ConnectionAuthInput } from '../../../../shared/service/types';

export interface AuthDraft {
  kind: 'ssws' | 'oauth';
  token: string;
  /** A full path to a file holding the token (read again at each use instead of being stored). */
  tokenFile: string;
  clientId: string;
  privateKey: string;
  privateKeyFileName: string;
}

export const EMPTY_AUTH_DRAFT: AuthDraft = {
  kind: 'ssws',
  token: '',
  tokenFile: '',
  clientId: '',
  privateKey: '',
  privateKeyFileName: '',
};

/** The auth to save, or null when the draft holds no secret yet. */
export function authInputFromDraft(draft: AuthDraft): ConnectionAuthInput | null {
  if (draft.kind === 'ssws' && draft.token.trim()) return { kind: 'ssws', token: draft.token.trim() };
  if (draft.kind === 'ssws') return draft.tokenFile.trim() ? { kind: 'ssws', tokenFile: draft.tokenFile.trim() } : null;
  if (!draft.clientId.trim() || !draft.privateKey) return null;
  return { kind: 'oauth', clientId: draft.clientId.trim(), privateKey: draft.privateKey };
}

interface AuthFieldsProps {
  draft: AuthDraft;
  onChange: (draft: AuthDraft) => void;
  secretStored: boolean;
  /** The token will not outlive this session (no system keyring, or the browser build). */
  sessionOnly?: boolean;
}

export function AuthFields({ draft, onChange, secretStored, sessionOnly = false }: AuthFieldsProps) {
  const tokenId = useId();
  const tokenFileId = useId();
  const clientIdId = useId();
  const keyId = useId();
  const [keyProblem, setKeyProblem] = useState<string | null>(null);

  async function readKeyFile(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) && !text.trim().startsWith('{')) {
      setKeyProblem(`${file.name} does not look like a private key (PEM or JWK).`);
      return;
    }
    setKeyProblem(null);
    onChange({ ...draft, privateKey: text, privateKeyFileName: file.name });
  }

  return (
    <fieldset className="fieldset">
      <legend>Sign in with</legend>
      <div className="choice-row">
        <label className="choice">
          <input
            type="radio"
            name="auth-kind"
            checked={draft.kind === 'ssws'}
            onChange={() => onChange({ ...draft, kind: 'ssws' })}
          />
          API token (SSWS)
        </label>
        <label className="choice">
          <input
            type="radio"
            name="auth-kind"
            checked={draft.kind === 'oauth'}
            onChange={() => onChange({ ...draft, kind: 'oauth' })}
          />
          OAuth service app
        </label>
      </div>
      {draft.kind === 'ssws' ? (
        <div className="field">
          <label htmlFor={tokenId}>API token</label>
          <input
            id={tokenId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={draft.token}
            placeholder={secretStored ? 'Stored — type a new one to replace it' : ''}
            onChange={(event) => onChange({ ...draft, token: event.target.value })}
          />
          <p className="field-hint">
            A read-only admin token works best.{' '}
            {sessionOnly ? 'It is kept in memory for this session only' : 'It is stored encrypted on this computer'} and
            never shown again.
          </p>
          <label htmlFor={tokenFileId}>Or read the token from a file (full path)</label>
          <input
            id={tokenFileId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.tokenFile}
            placeholder="/home/you/.okta-token"
            onChange={(event) => onChange({ ...draft, tokenFile: event.target.value })}
          />
          <p className="field-hint">
            Read again each time it is needed, never stored. Only you may read the file: chmod 600.
          </p>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={clientIdId}>Client ID</label>
            <input
              id={clientIdId}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.clientId}
              onChange={(event) => onChange({ ...draft, clientId: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={keyId}>Private key file (PEM or JWK)</label>
            <input
              id={keyId}
              type="file"
              accept=".pem,.key,.json,.jwk,text/plain"
              onChange={(event) => void readKeyFile(event.target.files?.[0])}
            />
            <p className="field-hint" aria-live="polite">
              {keyProblem ??
                (draft.privateKeyFileName
                  ? `Loaded ${draft.privateKeyFileName}; it is stored encrypted and never shown again.`
                  : 'The key of the service app; it never leaves this computer except to sign requests to Okta.')}
            </p>
          </div>
        </>
      )}
    </fieldset>
  );
}
