// How Okta Prep signs in: an SSWS API token (password field, never echoed back) or an OAuth service app with a private
// key file.
import { useState } from 'react';
import type { ConnectionAuthInput } from '../../../../shared/service/types';
import { OAuthAppFields } from './OAuthAppFields';
import { SswsTokenFields } from './SswsTokenFields';

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
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
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
        <SswsTokenFields draft={draft} onChange={onChange} secretStored={secretStored} sessionOnly={sessionOnly} />
      ) : (
        <OAuthAppFields draft={draft} onChange={onChange} keyProblem={keyProblem} onKeyProblem={setKeyProblem} />
      )}
    </fieldset>
  );
}
