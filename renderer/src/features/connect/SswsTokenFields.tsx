// The API token (SSWS) way in: the token itself (a password field, never echoed back) or the path of a file holding it.
import { TextField } from '../../components/TextField';
import type { AuthDraft } from './AuthFields';

interface SswsTokenFieldsProps {
  draft: AuthDraft;
  onChange: (draft: AuthDraft) => void;
  secretStored: boolean;
  sessionOnly: boolean;
}

export function SswsTokenFields({ draft, onChange, secretStored, sessionOnly }: SswsTokenFieldsProps) {
  return (
    <>
      <TextField
        label="API token"
        type="password"
        value={draft.token}
        placeholder={secretStored ? 'Stored — type a new one to replace it' : ''}
        onChange={(token) => onChange({ ...draft, token })}
        hint={
          <>
            A read-only admin token works best.{' '}
            {sessionOnly ? 'It is kept in memory for this session only' : 'It is stored encrypted on this computer'} and
            never shown again.
          </>
        }
      />
      <TextField
        label="Or read the token from a file (full path)"
        value={draft.tokenFile}
        placeholder="/home/you/.okta-token"
        onChange={(tokenFile) => onChange({ ...draft, tokenFile })}
        hint="Read again each time it is needed, never stored. Only you may read the file: chmod 600."
      />
    </>
  );
}
