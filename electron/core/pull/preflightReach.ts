// The connection test's first request decides whether the org can be reached at all. When it cannot (the network
// fails, the address answers HTML or no Okta API), the test says so once, in words about connecting, and lists
// every check it could not run, instead of one "not readable" row per object kind that blames permissions.
import type { PreflightReport } from '../../../shared/service/types';
import { OktaError } from '../okta/oktaErrors';

/** Failures that mean "this is not a reachable Okta org", as opposed to credentials refused or a permission missing. */
export function cannotConnect(error: unknown): boolean {
  if (!(error instanceof OktaError)) return false;
  return error.kind === 'unavailable' || error.kind === 'request' || error.kind === 'not-found';
}

export function unreachableReport(orgUrl: string, error: OktaError, checks: readonly string[]): PreflightReport {
  return {
    orgUrl,
    ok: false,
    checks: [],
    unreachable: {
      message:
        `Okta Prep could not connect to ${orgUrl}: ${whatFailed(error)}. Check the org URL and that this ` +
        `computer can reach it (network, VPN, proxy), then test the connection again.`,
      checksNotRun: [...checks],
    },
  };
}

function whatFailed(error: OktaError): string {
  if (error.status === 404) return 'it answered, but has no Okta API there (HTTP 404)';
  if (error.status !== undefined && error.status >= 500)
    return `it answered HTTP ${error.status}: the server, or a proxy in front of it, is failing`;
  if (error.kind === 'unavailable') {
    const cause = error.cause instanceof Error ? error.cause.message : error.message;
    return `the connection failed (${cause})`;
  }
  // An HTML page or text that is not JSON: the message already names the likely culprits (portal, proxy, wrong URL).
  // Its advice is left out: the report gives its own, once.
  const said = error.message.replace(/^\S+ answered a page of users with /, 'it answered with ');
  return said.split(/[.;?] [Cc]heck /)[0]!.replace(/ — (.+)$/, ' (perhaps $1)');
}
