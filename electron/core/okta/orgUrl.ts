// Normalises what a person types as their Okta org URL (okta-api.md §7): add https, strip -admin, path and trailing
// slash.

const OKTA_DOMAINS = [
  'okta.com',
  'oktapreview.com',
  'okta-emea.com',
  'okta-gov.com',
  'okta.mil',
  'okta-miltest.com',
  'trex-gov.com',
];

export class OrgUrlError extends Error {
  override name = 'OrgUrlError';
}

export interface NormalisedOrgUrl {
  /** `https://acme.okta.com` — origin only, no trailing slash. */
  url: string;
  /** Plain-language notes about what was changed (e.g. the -admin host). */
  notes: string[];
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function oktaDomainOf(hostname: string): string | undefined {
  return OKTA_DOMAINS.find((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

export function normaliseOrgUrl(input: string): NormalisedOrgUrl {
  const parsed = parseOrgUrl(input.trim());
  const notes: string[] = [];
  const hostname = apiHostname(parsed, notes);
  if (parsed.pathname !== '/' || parsed.search || parsed.hash)
    notes.push(`the path "${parsed.pathname}${parsed.search}" was dropped; only the org's address is needed`);
  const port = parsed.port ? `:${parsed.port}` : '';
  const host = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  return { url: `${parsed.protocol}//${host}${port}`, notes };
}

/** The typed URL (https:// added when no scheme is given), refused with what to fix when it cannot be an org. */
function parseOrgUrl(trimmed: string): URL {
  if (trimmed === '') throw new OrgUrlError('the Okta org URL is empty: give it as https://your-org.okta.com');
  if (/[{}]/.test(trimmed)) {
    throw new OrgUrlError(
      `"${trimmed}" still holds a placeholder: replace {yourOktaDomain} with your org, e.g. https://acme.okta.com`,
    );
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new OrgUrlError(`"${trimmed}" is not a URL: give the org URL as https://your-org.okta.com`);
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw new OrgUrlError(`"${trimmed}" uses http: Okta orgs are only reached over https (https://${parsed.host})`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new OrgUrlError(
      `"${trimmed}" uses ${parsed.protocol.replace(':', '')}: give the org URL as https://your-org.okta.com`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new OrgUrlError('the org URL must not contain a user name or password: give it as https://your-org.okta.com');
  }
  return parsed;
}

/** The host the API answers on: the Admin Console's `-admin` host becomes the org's own, with a note saying so. */
function apiHostname(parsed: URL, notes: string[]): string {
  const hostname = parsed.hostname.toLowerCase();
  if (/\.com\.com$/.test(hostname))
    throw new OrgUrlError(`"${hostname}" ends in .com.com: check the org URL for a typo`);
  const domain = oktaDomainOf(hostname);
  if (!domain) {
    if (!isLoopbackHost(parsed.hostname))
      notes.push(`${hostname} is not an Okta domain; that is fine if it is your org's custom domain`);
    return hostname;
  }
  const subdomain = hostname.slice(0, -(domain.length + 1));
  if (!subdomain.endsWith('-admin')) return hostname;
  const apiHost = `${subdomain.slice(0, -'-admin'.length)}.${domain}`;
  notes.push(`"${parsed.hostname}" is the Admin Console host; the API lives on ${apiHost}, so that is used instead`);
  return apiHost;
}
