// `okta-prep fake-okta --misbehave`: each word turns on its fake-server option, unknown words and malformed
// repeat-next specs are usage errors that list what is accepted.
import { describe, expect, it } from 'vitest';
import { parseMisbehaviour } from '../../electron/cli/fakeOktaMisbehaviour';

describe('parseMisbehaviour', () => {
  it('turns each word of the list into its fake-server option', () => {
    expect(parseMisbehaviour(undefined)).toEqual({});
    expect(parseMisbehaviour('odd-values, group-stats-absent,repeat-next:groupMembers:same-items')).toEqual({
      oddValues: true,
      groupStats: { absent: 'all' },
      repeatNextLink: { listing: 'groupMembers', mode: 'same-items' },
    });
    expect(parseMisbehaviour('strip-rate-limit-headers')).toEqual({
      stripRateLimitHeaders: true,
      rateLimits: { tokenShare: 0.5 },
    });
  });

  it('refuses an unknown word or a malformed repeat-next, naming what it takes', () => {
    expect(() => parseMisbehaviour('odd-values,teleport')).toThrow(/does not know "teleport".*odd-values/);
    expect(() => parseMisbehaviour('repeat-next:users')).toThrow(/repeat-next:LISTING:MODE.*same-url/);
    expect(() => parseMisbehaviour('repeat-next:things:same-url')).toThrow(/LISTING one of users/);
  });
});
