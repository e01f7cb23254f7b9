// `okta-prep fake-okta --misbehave LIST`: turns on what real orgs and the proxies in front of them do to a puller,
// so anyone can try Okta Prep (or the app in a browser) against it: each word enables one option of the fake server.
import type { FakeOktaServerOptions } from '../core/fake-okta/server';
import type { RepeatMode, RepeatingListing } from '../core/fake-okta/repeatNextLink';
import { usageError } from './cliErrors';

type Misbehaviour = Partial<Omit<FakeOktaServerOptions, 'org'>>;

const LISTINGS: readonly RepeatingListing[] = [
  'users',
  'deprovisionedUsers',
  'groups',
  'groupMembers',
  'apps',
  'roleAssignees',
  'userRoles',
];
const MODES: readonly RepeatMode[] = ['same-url', 'same-cursor', 'same-items', 'endless-new-items'];

/** The words `--misbehave` takes, for the usage text and error messages. */
export const MISBEHAVIOUR_WORDS = [
  'rate-limits (Okta Workforce buckets enforced, 50% per token)',
  'strip-rate-limit-headers (a proxy drops X-Rate-Limit-*)',
  'odd-values (undocumented values, missing fields, a null item)',
  'group-stats-absent (expand=stats ignored)',
  'repeat-next:LISTING:MODE (a next link that loops)',
  'slow (every request takes 300 ms more, so a pull can be watched and cancelled)',
  'html-page (every API request answered with a captive portal page)',
];

function repeatNext(word: string): Misbehaviour {
  const [, listing, mode] = word.split(':');
  if (!LISTINGS.includes(listing as RepeatingListing) || !MODES.includes(mode as RepeatMode)) {
    throw usageError(
      `--misbehave ${word}: give repeat-next:LISTING:MODE with LISTING one of ${LISTINGS.join(', ')} and MODE ` +
        `one of ${MODES.join(', ')}`,
    );
  }
  return { repeatNextLink: { listing: listing as RepeatingListing, mode: mode as RepeatMode } };
}

function one(word: string): Misbehaviour {
  switch (word) {
    case 'rate-limits':
      return { rateLimits: { tokenShare: 0.5 } };
    case 'strip-rate-limit-headers':
      return { stripRateLimitHeaders: true, rateLimits: { tokenShare: 0.5 } };
    case 'odd-values':
      return { oddValues: true };
    case 'group-stats-absent':
      return { groupStats: { absent: 'all' } };
    case 'slow':
      return { latencyMs: 300 };
    case 'html-page':
      return { oddAnswers: [{ pathPrefix: '/', answer: 'html' }] };
    default:
      if (word.startsWith('repeat-next:')) return repeatNext(word);
      throw usageError(
        `--misbehave does not know "${word}": use a comma-separated list of ${MISBEHAVIOUR_WORDS.join('; ')}`,
      );
  }
}

export function parseMisbehaviour(list: string | undefined): Misbehaviour {
  if (list === undefined) return {};
  const words = list
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
  return Object.assign({}, ...words.map(one)) as Misbehaviour;
}
