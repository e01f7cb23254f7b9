// The rules every export mapping and user-attribute list meets, whatever it came from: values trimmed, bad values
// refused with the choice named and the fix said, collisions named by both keys, published values changed only warned.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_MAPPING } from '../../shared/balkanid/exportMapping';
import { MAPPING_CHOICES } from '../../shared/balkanid/exportMappingChoices';
import { checkExportChoices, checkUserAttributes } from '../../shared/balkanid/exportMappingRules';
import { OUR_METADATA_KEYS } from '../../shared/balkanid/metadataKeys';

/** Each message once: a problem about two choices is recorded for both. */
const messages = (mapping: unknown, userAttributes?: unknown) => [
  ...new Set(checkExportChoices({ mapping, userAttributes }).errors.map((error) => error.message)),
];

describe('export mapping rules', () => {
  it('lays what is given over the defaults, trimmed, with no problem', () => {
    const checked = checkExportChoices({
      mapping: { sourceType: { app: '  application ' }, roleSourceIdPrefix: ' okta-role: ' },
    });
    expect(checked.errors).toEqual([]);
    expect(checked.warnings).toEqual([]);
    expect(checked.mapping).toEqual({
      ...DEFAULT_EXPORT_MAPPING,
      sourceType: { ...DEFAULT_EXPORT_MAPPING.sourceType, app: 'application' },
      roleSourceIdPrefix: 'okta-role:',
    });
    expect(checkExportChoices({}).mapping).toEqual(DEFAULT_EXPORT_MAPPING);
  });

  it('refuses empty, control characters and over-long values, naming the choice; the role prefix may be empty', () => {
    expect(messages({ sourceType: { app: '   ' } })).toEqual(['Source Type of apps is empty: give it a value']);
    expect(messages({ privilegeName: { groupMembership: 'mem\tber' } })[0]).toMatch(
      /^privilegeName of group memberships .* holds a control character \(U\+0009.*at position 4: remove it$/,
    );
    expect(messages({ connectionType: { userAdminRole: 'x'.repeat(201) } })[0]).toMatch(
      /is 201 characters long: shorten it to 200/,
    );
    expect(messages({ metadataKeys: { email: 'mail\u2028' } })).toEqual([]); // trimmed: a trailing separator goes
    expect(messages({ metadataKeys: { email: 'ma\u2028il' } })[0]).toMatch(/control character \(U\+2028/);
    expect(messages({ roleSourceIdPrefix: '' })).toEqual([]);
    expect(messages({ sourceType: { role: 42 } })).toEqual(['Source Type of admin roles must be text, not number']);
  });

  it('refuses unknown groups, kinds and metadata keys with the list of known ones', () => {
    expect(messages({ sourceTypes: {} })).toEqual([
      '"sourceTypes" is not part of a mapping: choose from sourceType, roleSourceIdPrefix, privilegeName, ' +
        'connectionType, metadataKeys',
    ]);
    expect(messages({ sourceType: { application: 'x' } })).toEqual([
      '"application" is not a kind sourceType is chosen for: choose from user, group, app, role',
    ]);
    expect(messages({ connectionType: { member: 'x' } })[0]).toContain(
      'choose from groupMembership, directAppAssignment, groupAppAssignment, userAdminRole, groupAdminRole, ' +
        'groupAppAccessFlattened',
    );
    const unknownKey = messages({ metadataKeys: { constructor: 'x' } });
    expect(unknownKey).toHaveLength(1);
    expect(unknownKey[0]).toMatch(/^"constructor" is not a metadata key Okta Prep writes: choose from username, /);
    const parsed = messages(JSON.parse('{"metadataKeys":{"__proto__":"x"}}'));
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatch(/^"__proto__" is not a metadata key Okta Prep writes/);
  });

  it('refuses groups and admin roles sharing a Source Type, but not users and apps (their Entity Types differ)', () => {
    const same = checkExportChoices({ mapping: { sourceType: { role: 'group' } } });
    expect(same.errors.map((error) => error.path)).toEqual(['sourceType.group', 'sourceType.role']);
    expect(same.errors[0]!.message).toMatch(/groups and admin roles would both have Source Type "group"/);
    expect(messages({ sourceType: { app: 'user' } })).toEqual([]);
  });

  it('refuses renames that make two keys of one object collide, naming both', () => {
    expect(messages({ metadataKeys: { username: 'login', email: 'login' } })).toEqual([
      'in user metadata, "username" and "email" would both be written as "login": give them different names',
    ]);
    expect(messages({ metadataKeys: { status: 'created' } })).toEqual([
      'in app metadata, "status" and "created" would both be written as "created": give them different names',
    ]);
    // The same rename is fine when the user attributes chosen leave the other key out.
    expect(messages({ metadataKeys: { username: 'email' } }, ['username', 'department'])).toEqual([]);
    expect(messages({ metadataKeys: { username: 'costCenter' } }, ['username', 'costCenter'])).toEqual([
      'in user metadata, "username" and "costCenter" would both be written as "costCenter": give them different names',
    ]);
    expect(messages({ metadataKeys: { priority: 'project' } })[0]).toMatch(
      /^in relation \(groupAppAssignment\) metadata, "project" and "priority" would both be written as "project"/,
    );
  });

  it('warns, without refusing, when a value BalkanID publishes is changed', () => {
    const checked = checkExportChoices({
      mapping: { sourceType: { user: 'person', app: 'application' }, metadataKeys: { username: 'login' } },
    });
    expect(checked.errors).toEqual([]);
    expect(checked.warnings.map((warning) => warning.path)).toEqual(['sourceType.user', 'metadataKeys.username']);
    expect(checked.warnings[0]!.message).toBe(
      `Source Type of users is "person" instead of "user", the value BalkanID's entity samples shows: ` +
        'BalkanID may not recognise it',
    );
  });

  it('lists every metadata key the export writes as a choice, each once', () => {
    const keys = MAPPING_CHOICES.filter((choice) => choice.group === 'metadataKeys').map((choice) => choice.key);
    expect(keys).toEqual(OUR_METADATA_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['username', 'groupType', 'appName', 'roleType', 'viaGroupIds']));
  });
});

describe('user attribute names', () => {
  it('takes any name in the order given, trimmed, duplicates removed keeping the first', () => {
    const names = ['cost,center', 'say "hi"', 'constructor', '__proto__', ' email ', 'cost,center', 'email'];
    expect(checkUserAttributes(names)).toEqual({
      names: ['cost,center', 'say "hi"', 'constructor', '__proto__', 'email'],
      errors: [],
    });
  });

  it('refuses what cannot be an attribute name, saying which and why', () => {
    const checked = checkUserAttributes(['email', ' ', 'bad\nname', 7]);
    expect(checked.names).toEqual(['email']);
    expect(checked.errors.map((error) => error.message)).toEqual([
      'user attribute 2 " " is empty: give it a value',
      'user attribute 3 "bad\\nname" holds a control character (U+000a, such as a tab or line break) at position 4: ' +
        'remove it',
      'user attribute 4 must be text, not number',
    ]);
    expect(checkUserAttributes('email').errors[0]!.message).toBe('the user attributes must be a list of names');
    expect(checkUserAttributes(Array.from({ length: 201 }, (_, i) => `a${i}`)).errors[0]!.message).toMatch(
      /201 user attributes are too many: choose at most 200/,
    );
  });
});
