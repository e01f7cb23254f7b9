// What "Test connection" saves before it tests: the org and secret typed, or nothing when the saved connection is
// to be tested as it is; a form that is missing something says what to enter.
import type { ConnectionAuthInput, ConnectionInfo } from '../../../../shared/service/types';
import { authInputFromDraft, type AuthDraft } from './AuthFields';

/** A problem with what was typed; shown under the "Please check the input" title. */
class FormProblem extends Error {
  readonly code = 'BAD_INPUT';
}

export function connectionToSave(
  draft: AuthDraft,
  orgUrl: string,
  connection: ConnectionInfo | null | undefined,
): { orgUrl: string; auth: ConnectionAuthInput } | null {
  const authInput = authInputFromDraft(draft);
  const orgChanged = !connection || connection.isSampleOrg || orgUrl !== connection.orgUrl;
  if (authInput) {
    if (!orgUrl) throw new FormProblem('Enter the Okta org URL first.');
    return { orgUrl, auth: authInput };
  }
  if (orgChanged && orgUrl) {
    throw new FormProblem(
      draft.kind === 'ssws'
        ? 'Enter the API token for this org.'
        : 'Enter the client ID and choose the private key file.',
    );
  }
  if (!connection) throw new FormProblem('Enter the Okta org URL and an API token first.');
  return null;
}
