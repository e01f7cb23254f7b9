// The API token (SSWS) way in: the token itself (a password field, never echoed back) or the path of a file holding it.
import { useId } from 'react';
import type { AuthDraft } from './AuthFields';

interface SswsTokenFieldsProps {
  draft: AuthDraft;
  onChange: (draft: AuthDraft) => void;
  secretStored: boolean;
  sessionOnly: boolean;
}

export function SswsTokenFields({ draft, onChange, secretStored, sessionOnly }: SswsTokenFieldsProps) {
  const tokenId = useId();
  const tokenFileId = useId();
  return (
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
  );
}
