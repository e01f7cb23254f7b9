// Okta filter/search expressions: parsing, policy checks and evaluation.
import { describe, expect, it } from 'vitest';
import { OktaApiError } from '../../../electron/core/fake-okta/errors';
import { compileFilter, parseFilter, type FilterPolicy } from '../../../electron/core/fake-okta/filterExpression';
import { errorThrownBy } from '../../helpers/errorThrownBy';

const POLICY: FilterPolicy = {
  attributes: {
    status: ['eq'],
    lastUpdated: ['eq', 'gt', 'ge', 'lt', 'le'],
    'profile.login': ['eq', 'sw', 'co', 'pr'],
  },
  anyProfileAttribute: ['eq'],
};
const user = (status: string, lastUpdated: string, login = 'a.b@example.com', extra: Record<string, unknown> = {}) => ({
  status,
  lastUpdated,
  profile: { login, ...extra },
});

describe('filter expressions', () => {
  it('matches status case-insensitively and joins with or/and, and before or', () => {
    const match = compileFilter(
      'status eq "active" or status eq "STAGED" and lastUpdated gt "2024-01-01T00:00:00.000Z"',
      POLICY,
    );
    expect(match(user('ACTIVE', '2020-01-01T00:00:00.000Z'))).toBe(true);
    expect(match(user('STAGED', '2020-01-01T00:00:00.000Z'))).toBe(false);
    expect(match(user('STAGED', '2024-05-01T00:00:00.000Z'))).toBe(true);
  });

  it('honours parentheses', () => {
    const match = compileFilter(
      '(status eq "ACTIVE" or status eq "STAGED") and lastUpdated lt "2021-01-01T00:00:00.000Z"',
      POLICY,
    );
    expect(match(user('ACTIVE', '2020-01-01T00:00:00.000Z'))).toBe(true);
    expect(match(user('ACTIVE', '2022-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('compares timestamps as instants', () => {
    expect(
      compileFilter('lastUpdated ge "2024-01-01T00:00:00Z"', POLICY)(user('ACTIVE', '2024-01-01T00:00:00.000Z')),
    ).toBe(true);
    expect(
      compileFilter('lastUpdated le "2023-12-31T23:59:59.000Z"', POLICY)(user('ACTIVE', '2024-01-01T00:00:00.000Z')),
    ).toBe(false);
  });

  it('supports sw, co, pr and escaped quotes', () => {
    expect(compileFilter('profile.login sw "A."', POLICY)(user('ACTIVE', '', 'a.b@example.com'))).toBe(true);
    expect(compileFilter('profile.login co "@EXAMPLE"', POLICY)(user('ACTIVE', '', 'a.b@example.com'))).toBe(true);
    expect(compileFilter('profile.login pr', POLICY)(user('ACTIVE', '', ''))).toBe(false);
    expect(
      compileFilter('profile.nickName eq "say \\"hi\\""', POLICY)(user('ACTIVE', '', 'x', { nickName: 'say "hi"' })),
    ).toBe(true);
  });

  it('rejects what Okta rejects with E0000031', () => {
    for (const bad of [
      '',
      'status',
      'status eq',
      'status gt "ACTIVE"',
      'id eq "x"',
      'not status eq "ACTIVE"',
      'status eq "A" or',
      '(status eq "A"',
      'status eq "A")',
      'lastUpdated gt "soon"',
      'status eq ACTIVE',
    ]) {
      const error = errorThrownBy(() => parseFilter(bad, POLICY), `accepted: ${bad}`);
      expect(error, bad).toBeInstanceOf(OktaApiError);
      expect((error as OktaApiError).errorCode).toBe('E0000031');
    }
  });
});
