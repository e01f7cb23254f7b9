// The pull estimate counts the member and role listings a pull will really ask for: one per group whose stats are
// absent or malformed (they are listed, not skipped), and every group's when every group is read.
import { describe, expect, it } from 'vitest';
import type { OktaGroup } from '../../../shared/okta/types';
import { estimatePull } from '../../../electron/core/pull/pullEstimate';

const group = (id: string, stats?: Record<string, unknown>): OktaGroup =>
  ({ id, type: 'OKTA_GROUP', profile: { name: id }, ...(stats && { _embedded: { stats } }) }) as unknown as OktaGroup;
const stats = (usersCount: unknown, hasAdminPrivlege: unknown) => ({
  usersCount,
  appsCount: 0,
  groupPushMappingsCount: 0,
  hasAdminPrivlege,
});
/** Only the groups bucket differs between these inputs: its requests are the total minus a no-group baseline. */
const groupRequests = (groups: OktaGroup[], key: 'default' | 'readingEveryGroup' = 'default') => {
  const input = { users: 0, apps: 0, buckets: [], share: 1 };
  const of = (list: OktaGroup[]) => {
    const estimate = estimatePull({ ...input, groups: list });
    return key === 'default' ? estimate.requests : estimate.readingEveryGroup.requests;
  };
  return of(groups) - of([]);
};

describe('estimatePull: group member and role listings', () => {
  it('skips what stats say is not there: an empty group without a role costs nothing beyond the groups page', () => {
    expect(groupRequests([group('a', stats(0, false))])).toBe(0);
    expect(groupRequests([group('a', stats(2500, true))])).toBe(3 + 1); // three member pages of 1000, one role listing
  });

  it('counts a member and a role listing for a group without stats, or with malformed ones', () => {
    expect(groupRequests([group('a')])).toBe(2);
    expect(groupRequests([group('a', { appsCount: 1 })])).toBe(2);
    expect(groupRequests([group('a', stats('7', 'yes'))])).toBe(2);
    expect(groupRequests([group('a', stats(0, 'yes'))])).toBe(1);
  });

  it('reading every group: one member and one role listing per group even where stats say none', () => {
    const groups = [group('a', stats(0, false)), group('b', stats(0, false)), group('c', stats(1500, true))];
    expect(groupRequests(groups)).toBe(2 + 1);
    expect(groupRequests(groups, 'readingEveryGroup')).toBe(1 + 1 + 1 + 1 + 2 + 1);
  });

  it('5,000 groups read every one at 50% of the groups bucket (250/min), --share 0.8: about 50 min', () => {
    const groups = Array.from({ length: 5000 }, (_, index) =>
      group(`g${index}`, stats(index % 10 === 0 ? 30 : 0, false)),
    );
    const estimate = estimatePull({ users: 0, groups, apps: 0, buckets: [], share: 0.8 });
    expect(estimate.readingEveryGroup.requests - estimate.requests).toBe(4500 + 5000);
    expect(Math.round(estimate.readingEveryGroup.seconds / 60)).toBe(Math.round((25 + 10_000) / 200));
  });
});
