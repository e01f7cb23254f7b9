// The Export screen's attribute list keeps a fixed order whatever the clicks: a BalkanID-list name goes back to its
// place in that list's order, other names stay in the order they were added.
import { describe, expect, it } from 'vitest';
import {
  otherUserAttributes,
  profileKeyHint,
  snapshotOnlyAttributes,
  withEveryUserAttribute,
  withUserAttribute,
} from '../../renderer/src/features/export/userAttributeChoices';
import { DEFAULT_USER_ATTRIBUTES } from '../../shared/balkanid/userAttributes';

describe('withUserAttribute', () => {
  it('puts a re-ticked BalkanID attribute back in its place, before the other attributes', () => {
    const list = ['username', 'status', 'cost,center', 'constructor'];
    const unticked = withUserAttribute(list, 'username', false);
    expect(unticked).toEqual(['status', 'cost,center', 'constructor']);
    expect(withUserAttribute(unticked, 'username', true)).toEqual(list);
    expect(withUserAttribute(list, 'email', true)).toEqual([
      'username',
      'email',
      'status',
      'cost,center',
      'constructor',
    ]);
    expect(withUserAttribute(list, 'mfaFactors', true)).toEqual([
      'username',
      'status',
      'mfaFactors',
      'cost,center',
      'constructor',
    ]);
  });

  it('adds another name at the end, leaves the list alone when a name is already there, and lists the others', () => {
    expect(withUserAttribute(['email'], '__proto__', true)).toEqual(['email', '__proto__']);
    expect(withUserAttribute(['email', 'x'], 'x', true)).toEqual(['email', 'x']);
    expect(otherUserAttributes(['email', 'say "hi"', 'status', 'constructor'])).toEqual(['say "hi"', 'constructor']);
  });
});

describe("select all and the snapshot's own attributes", () => {
  it('ticks every name offered by the same order rules, keeping what was chosen first', () => {
    const offered = [...DEFAULT_USER_ATTRIBUTES, '__proto__', 'constructor', 'cost,center', 'say "hi"'];
    const all = withEveryUserAttribute(['email', 'say "hi"'], offered);
    expect(all).toEqual([...DEFAULT_USER_ATTRIBUTES, 'say "hi"', '__proto__', 'constructor', 'cost,center']);
    expect(withEveryUserAttribute(all, offered)).toEqual(all);
    expect(withEveryUserAttribute([], [])).toEqual([]);
  });

  it('offers only profile keys the BalkanID list does not, odd names as they are', () => {
    const keys = ['__proto__', 'constructor', 'department', 'email', 'login', 'toString'].map((name) => ({ name }));
    expect(snapshotOnlyAttributes(keys).map((key) => key.name)).toEqual([
      '__proto__',
      'constructor',
      'login',
      'toString',
    ]);
    expect(profileKeyHint('login')).toBe('same value as username');
    expect(profileKeyHint('constructor')).toBeUndefined();
    expect(profileKeyHint('__proto__')).toBeUndefined();
  });
});
