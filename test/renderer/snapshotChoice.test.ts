// Unit tests for choosing the snapshot a screen works on: the chosen one, else the latest complete, else the latest.
import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '../../shared/service/types';
import { effectiveSnapshotId } from '../../renderer/src/app/snapshotChoice';
import { snapshotSummary } from '../helpers/snapshotSummary';

const snapshot = (id: number, status: SnapshotSummary['status']) => snapshotSummary(id, { status });

describe('effectiveSnapshotId', () => {
  const list = [snapshot(1, 'complete'), snapshot(2, 'complete'), snapshot(3, 'failed')];

  it('defaults to the latest complete snapshot', () => {
    expect(effectiveSnapshotId(list, null)).toBe(2);
  });

  it('keeps a chosen snapshot that still exists', () => {
    expect(effectiveSnapshotId(list, 3)).toBe(3);
    expect(effectiveSnapshotId(list, 99)).toBe(2);
  });

  it('falls back to the latest of any status, or null', () => {
    expect(effectiveSnapshotId([snapshot(4, 'running')], null)).toBe(4);
    expect(effectiveSnapshotId([], null)).toBeNull();
  });
});
