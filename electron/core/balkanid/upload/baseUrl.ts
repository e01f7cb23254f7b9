// BalkanID's base URL: https, or http only on this computer (the fake BalkanID of the tests), so the API key never
// crosses a network in clear text. A trailing slash is dropped; a query, fragment or user name is refused.
import { isLoopbackHost } from '../../okta/orgUrl';

export const DEFAULT_BALKANID_BASE_URL = 'https://app.balkan.id';

export class BaseUrlError extends Error {
  override name = 'BaseUrlError';
}

export function normaliseBaseUrl(input: string | undefined): string {
  const text = (input ?? DEFAULT_BALKANID_BASE_URL).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BaseUrlError(`"${text}" is not a URL: give BalkanID's address, e.g. ${DEFAULT_BALKANID_BASE_URL}`);
  }
  if (url.username || url.password || url.search || url.hash)
    throw new BaseUrlError(`give BalkanID's base URL without a user name, query or fragment (e.g. ${url.origin})`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    throw new BaseUrlError(
      `BalkanID's base URL must start with https:// (http is allowed only for this computer, 127.0.0.1): ` +
        `the API key would otherwise cross the network unencrypted`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
