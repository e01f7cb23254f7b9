// Unit tests for the renderer's formatting: durations, counts and human labels for service field names.
import { describe, expect, it } from 'vitest';
import { formatDuration, plural } from '../../renderer/src/format/formatDuration';
import { humaniseName, relationKindLabel } from '../../renderer/src/format/labels';
import { withoutStack, describeError } from '../../renderer/src/service/describeError';

describe('formatDuration', () => {
  it('formats seconds, minutes and hours', () => {
    expect(formatDuration(12_300)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_840_000)).toBe('1 h 4 min');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('plural', () => {
  it('uses the singular for one', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(12_345, 'entity', 'entities')).toBe('12,345 entities');
  });
});

describe('humaniseName', () => {
  it('turns field names into labels', () => {
    expect(humaniseName('firstName')).toBe('First name');
    expect(humaniseName('group members')).toBe('Group members');
    expect(humaniseName('managerId')).toBe('Manager ID');
    expect(humaniseName('id')).toBe('ID');
    expect(relationKindLabel('groupMembership')).toBe('Group memberships');
  });
});

describe('describeError', () => {
  it('explains a rejected token in plain language, without a stack', () => {
    const error = Object.assign(new Error('Okta answered 401 Invalid token provided\n    at fetch (x.js:1:1)'), {
      code: 'OKTA_AUTH',
    });
    const description = describeError(error);
    expect(description.title).toBe('Okta rejected the token or key');
    expect(description.detail).toContain('Invalid token provided');
    expect(description.detail).not.toContain('x.js');
  });

  it('names a call refused because it came from another frame, not an unknown request', () => {
    const error = Object.assign(new Error('service calls are only accepted from the Okta Prep window'), {
      code: 'UNTRUSTED_SENDER',
    });
    expect(describeError(error)).toEqual({
      title: 'Okta Prep only answers its own window',
      detail: 'Service calls are only accepted from the Okta Prep window',
      code: 'UNTRUSTED_SENDER',
    });
  });

  it('keeps only the message before a stack trace', () => {
    expect(withoutStack('boom\n    at a (b.js:1:2)')).toBe('boom');
  });
});
