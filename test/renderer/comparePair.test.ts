// Unit tests for the Compare screen's pair: the newest complete snapshot against the one of its org before it,
// what was chosen, and the reasons a pair cannot be compared.
import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '../../shared/service/types';
import { comparePair } from '../../renderer/src/features/compare/comparePair';
import { snapshotSummary } from '../helpers/snapshotSummary';

const snapshot = (id: number, orgUrl = 'https://acme.okta.com', status: SnapshotSummary['status'] = 'complete') =>
  snapshotSummary(id, { orgUrl, status });

const ids = (pair: ReturnType<typeof comparePair>) => [pair.from?.id, pair.to?.id, pair.problem];

describe('comparePair', () => {
  const list = [
    snapshot(1),
    snapshot(2, 'https://other.okta.com'),
    snapshot(3, 'https://acme.okta.com', 'failed'),
    snapshot(4),
    snapshot(5, 'https://acme.okta.com', 'running'),
  ];

  it('compares the newest complete snapshot with the complete one of the same org before it', () => {
    expect(ids(comparePair(list, { from: null, to: null }))).toEqual([1, 4, null]);
  });

  it('keeps what was chosen, and finds A for a chosen B', () => {
    expect(ids(comparePair(list, { from: 3, to: 5 }))).toEqual([3, 5, null]);
    expect(ids(comparePair(list, { from: null, to: 5 }))).toEqual([4, 5, null]);
  });

  it('says why a pair cannot be compared', () => {
    expect(comparePair(list, { from: 2, to: 4 }).problem).toBe(
      'Snapshot #2 is of other.okta.com and #4 of acme.okta.com: a comparison needs two snapshots of the same org.',
    );
    expect(comparePair(list, { from: 4, to: 4 }).problem).toBe(
      'A and B are the same snapshot: pick two different ones.',
    );
    expect(comparePair(list, { from: null, to: 2 }).problem).toBe(
      'There is no earlier complete snapshot of other.okta.com to compare #2 with: pull the org again later, or pick ' +
        'another snapshot B.',
    );
    expect(ids(comparePair([], { from: null, to: null }))).toEqual([undefined, undefined, null]);
  });
});
