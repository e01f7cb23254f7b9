// Turns a failed service call (or a lost connection) into a plain-language title and detail; never a stack trace.
import type { ServiceErrorCode } from '../../../shared/service/errors';

export interface ErrorDescription {
  title: string;
  detail: string;
  code?: string;
}

const TITLES: Partial<Record<ServiceErrorCode, string>> = {
  NOT_CONNECTED: 'Not connected to Okta yet',
  OKTA_AUTH: 'Okta rejected the token or key',
  OKTA_PERMISSION: 'The token works but is missing a permission',
  OKTA_UNAVAILABLE: 'Okta could not be reached',
  PULL_PAUSED: 'The pull paused',
  NOT_FOUND: 'Not found',
  CONFLICT: 'That cannot be done right now',
  BAD_INPUT: 'Please check the input',
  INVALID_PARAMS: 'The request was not accepted',
  UNKNOWN_METHOD: 'This version of the service does not know that request',
  UNTRUSTED_SENDER: 'Okta Prep only answers its own window',
  INTERNAL: 'Something went wrong inside Okta Prep',
  BUNDLE_REFUSED: 'The bundle cannot be uploaded',
  BALKANID_AUTH: 'BalkanID refused the API key',
  BALKANID_UNAVAILABLE: 'BalkanID could not be reached',
  BALKANID_REFUSED: 'BalkanID did not take the file',
};

/** Said when the service gave no message of its own. */
const FALLBACK_DETAIL: Partial<Record<ServiceErrorCode, string>> = {
  OKTA_AUTH: 'Check that the token was copied whole, belongs to this org and has not been revoked or expired.',
  OKTA_UNAVAILABLE: 'Check the org URL and the network (proxy, VPN, firewall), then try again.',
  NOT_CONNECTED: 'Save a connection on the Connect screen, or try the sample org.',
};

/** Keeps the first paragraph of a message and drops anything that looks like a stack trace. */
export function withoutStack(message: string): string {
  const cut = message.search(/\n\s*at\s/);
  return (cut >= 0 ? message.slice(0, cut) : message).trim();
}

/** Service messages start in lower case ("token rejected by …"); shown alone they read better capitalised. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

export function describeError(error: unknown): ErrorDescription {
  const code = codeOf(error);
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if ((!code && error instanceof TypeError) || /could not reach the local/i.test(raw)) {
    return {
      title: 'Lost contact with the Okta Prep service',
      detail: 'Is it still running? Reload the page once it is back.',
    };
  }
  const title = (code && TITLES[code as ServiceErrorCode]) || 'The request failed';
  const message = withoutStack(raw);
  const detail = message ? sentence(message) : ((code && FALLBACK_DETAIL[code as ServiceErrorCode]) ?? '');
  return code ? { title, detail, code } : { title, detail };
}
