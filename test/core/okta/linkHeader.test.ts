// Link header parsing: the next page is found in Okta's forms, and its absence ends the listing.
import { describe, expect, it } from 'vitest';
import { findNextLink } from '../../../electron/core/okta/linkHeader';

describe('findNextLink', () => {
  it('finds next among comma-joined links', () => {
    const header =
      '<https://a.okta.com/api/v1/users?limit=200>; rel="self", ' +
      '<https://a.okta.com/api/v1/users?after=00u1&limit=200>; rel="next"';
    expect(findNextLink(header)).toBe('https://a.okta.com/api/v1/users?after=00u1&limit=200');
  });
  it('returns undefined when only self is present', () => {
    expect(findNextLink('<https://a.okta.com/api/v1/users?limit=200>; rel="self"')).toBeUndefined();
    expect(findNextLink(null)).toBeUndefined();
  });
  it('accepts unquoted rel and extra parameters', () => {
    expect(findNextLink('<https://a/x?after=2>; type="json"; rel=next')).toBe('https://a/x?after=2');
  });
  it('does not take rel="nextish" for next', () => {
    expect(findNextLink('<https://a/x?after=2>; rel="nextpage"')).toBeUndefined();
  });
});
