// The Export screen's attribute list keeps a fixed order whatever the clicks: a BalkanID-list name goes back to its
// place in that list's order, other names stay in the order they were added.
import { describe, expect, it } from 'vitest';
import { otherUserAttributes, withUserAttribute } from '../../renderer/src/features/export/userAttributeChoices';

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
