// The rules an export mapping and a user-attribute list must meet, wherever they come from (CLI flags, a profile file,
// the Export screen, a service call). Each problem names the choice by its label and says how to fix it; the result
// is the mapping laid over the defaults with every value trimmed.
import { DEFAULT_EXPORT_MAPPING, mappedMetadataKey, type ExportMapping } from './exportMapping';
import { MAPPING_CHOICES, choiceValue, type MappingChoice, type MappingGroup } from './exportMappingChoices';
import { ENTITY_METADATA_KEYS, RELATION_DETAIL_KEYS, RELATION_METADATA_KEYS } from './metadataKeys';
import { DEFAULT_USER_ATTRIBUTES } from './userAttributes';

export interface ChoiceProblem {
  /** The choice's path ("sourceType.app", "metadataKeys.username", "userAttributes[2]"), to show it by its field. */
  path: string;
  message: string;
}

export const MAX_CHOICE_LENGTH = 200;
export const MAX_USER_ATTRIBUTES = 200;
// C0 and C1 controls, DEL and the Unicode line/paragraph separators: none belongs in a type, key or attribute name.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const GROUPS: readonly MappingGroup[] = [
  'sourceType',
  'roleSourceIdPrefix',
  'privilegeName',
  'connectionType',
  'metadataKeys',
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value trimmed and checked; undefined (with the problem recorded) when it cannot be used. */
function checkText(raw: unknown, what: string, path: string, emptyAllowed: boolean, errors: ChoiceProblem[]) {
  if (typeof raw !== 'string') {
    errors.push({ path, message: `${what} must be text, not ${raw === null ? 'null' : typeof raw}` });
    return undefined;
  }
  const value = raw.trim();
  const control = CONTROL_CHARACTER.exec(value);
  if (value === '' && !emptyAllowed) errors.push({ path, message: `${what} is empty: give it a value` });
  else if (control)
    errors.push({
      path,
      message:
        `${what} holds a control character (U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}, ` +
        `such as a tab or line break) at position ${control.index + 1}: remove it`,
    });
  else if (value.length > MAX_CHOICE_LENGTH)
    errors.push({ path, message: `${what} is ${value.length} characters long: shorten it to ${MAX_CHOICE_LENGTH}` });
  else return value;
  return undefined;
}

function choiceAt(group: MappingGroup, key?: string): MappingChoice | undefined {
  return MAPPING_CHOICES.find((choice) => choice.group === group && choice.key === key);
}

function knownKeys(group: MappingGroup): string[] {
  return MAPPING_CHOICES.filter((choice) => choice.group === group).map((choice) => choice.key!);
}

/** Reads one group of per-kind values (sourceType, privilegeName, connectionType, metadataKeys) into `target`. */
function readGroup(group: MappingGroup, raw: unknown, target: Record<string, string>, errors: ChoiceProblem[]) {
  if (!isPlainObject(raw)) {
    errors.push({ path: group, message: `${group} must be an object of KIND: VALUE pairs` });
    return;
  }
  for (const [key, value] of Object.entries(raw)) {
    const choice = choiceAt(group, key);
    if (!choice) {
      const what = group === 'metadataKeys' ? 'a metadata key Okta Prep writes' : `a kind ${group} is chosen for`;
      errors.push({
        path: `${group}.${key}`,
        message: `"${key}" is not ${what}: choose from ${knownKeys(group).join(', ')}`,
      });
      continue;
    }
    const checked = checkText(value, choice.label, choice.path, choice.emptyAllowed, errors);
    if (checked !== undefined) target[key] = checked;
  }
}

/** The given mapping laid over the defaults, values trimmed; every problem with what was given is recorded. */
function readMapping(input: unknown, errors: ChoiceProblem[]): ExportMapping {
  const mapping: ExportMapping = {
    sourceType: { ...DEFAULT_EXPORT_MAPPING.sourceType },
    roleSourceIdPrefix: DEFAULT_EXPORT_MAPPING.roleSourceIdPrefix,
    privilegeName: { ...DEFAULT_EXPORT_MAPPING.privilegeName },
    connectionType: { ...DEFAULT_EXPORT_MAPPING.connectionType },
    metadataKeys: {},
  };
  if (input === undefined) return mapping;
  if (!isPlainObject(input)) {
    errors.push({ path: '', message: 'the mapping must be an object' });
    return mapping;
  }
  for (const [group, raw] of Object.entries(input)) {
    if (!(GROUPS as readonly string[]).includes(group)) {
      errors.push({ path: group, message: `"${group}" is not part of a mapping: choose from ${GROUPS.join(', ')}` });
    } else if (group === 'roleSourceIdPrefix') {
      const choice = choiceAt('roleSourceIdPrefix')!;
      const prefix = checkText(raw, choice.label, choice.path, true, errors);
      if (prefix !== undefined) mapping.roleSourceIdPrefix = prefix;
    } else {
      readGroup(group as MappingGroup, raw, mapping[group as Exclude<MappingGroup, 'roleSourceIdPrefix'>], errors);
    }
  }
  // A key renamed to itself is no rename: dropped, so the mapping reads the same however it was given.
  for (const [key, written] of Object.entries(mapping.metadataKeys))
    if (key === written) delete mapping.metadataKeys[key];
  return mapping;
}

/** Groups and roles are both connections: with one Source Type, BalkanID could not tell a group from an admin role. */
function checkConnectionSourceTypes(mapping: ExportMapping, errors: ChoiceProblem[]): void {
  const { group, role } = mapping.sourceType;
  if (group !== role) return;
  const message =
    `groups and admin roles would both have Source Type "${group}": both are connections, so BalkanID could not ` +
    `tell them apart; give them different Source Types`;
  errors.push({ path: 'sourceType.group', message }, { path: 'sourceType.role', message });
}

/** The objects that carry metadata and the keys each can hold (users: the attributes chosen). */
function metadataOwners(userAttributes: readonly string[]): [string, readonly string[]][] {
  return [
    ['user', userAttributes],
    ['group', ENTITY_METADATA_KEYS.group],
    ['app', ENTITY_METADATA_KEYS.app],
    ['role', ENTITY_METADATA_KEYS.role],
    ...Object.entries(RELATION_DETAIL_KEYS).map(([kind, detail]): [string, readonly string[]] => [
      `relation (${kind})`,
      [...RELATION_METADATA_KEYS, ...detail],
    ]),
  ];
}

function renamePath(mapping: ExportMapping, key: string): string {
  return Object.hasOwn(mapping.metadataKeys, key) ? `metadataKeys.${key}` : 'userAttributes';
}

/** Two keys of one object written under the same name would make one overwrite the other: refused, naming both. */
function checkKeyCollisions(mapping: ExportMapping, userAttributes: readonly string[], errors: ChoiceProblem[]) {
  const reported = new Set<string>();
  for (const [owner, keys] of metadataOwners(userAttributes)) {
    const firstByWritten = new Map<string, string>();
    for (const key of keys) {
      const written = mappedMetadataKey(mapping, key);
      const first = firstByWritten.get(written);
      if (first === undefined) {
        firstByWritten.set(written, key);
        continue;
      }
      const pair = JSON.stringify([first, key, written]);
      if (reported.has(pair)) continue;
      reported.add(pair);
      const message =
        `in ${owner} metadata, "${first}" and "${key}" would both be written as "${written}": ` +
        `give them different names`;
      for (const path of new Set([renamePath(mapping, first), renamePath(mapping, key)]))
        errors.push({ path, message });
    }
  }
}

/** A value BalkanID's own samples show, changed: allowed (the tenant may expect another), but said. */
function publishedValueWarnings(mapping: ExportMapping): ChoiceProblem[] {
  return MAPPING_CHOICES.flatMap((choice) =>
    choice.published === undefined || choiceValue(mapping, choice) === choice.defaultValue
      ? []
      : [
          {
            path: choice.path,
            message:
              `${choice.label} is "${choiceValue(mapping, choice)}" instead of "${choice.defaultValue}", the value ` +
              `${choice.published} shows: BalkanID may not recognise it`,
          },
        ],
  );
}

export interface UserAttributesCheck {
  /** Trimmed, duplicates removed keeping the first, in the order given. */
  names: string[];
  errors: ChoiceProblem[];
}

/** Any profile attribute name is allowed (`cost,center`, `say "hi"`, `constructor`), but not empty or with controls. */
export function checkUserAttributes(input: unknown): UserAttributesCheck {
  if (input === undefined) return { names: [...DEFAULT_USER_ATTRIBUTES], errors: [] };
  if (!Array.isArray(input))
    return { names: [], errors: [{ path: 'userAttributes', message: 'the user attributes must be a list of names' }] };
  const errors: ChoiceProblem[] = [];
  if (input.length > MAX_USER_ATTRIBUTES)
    errors.push({
      path: 'userAttributes',
      message: `${input.length} user attributes are too many: choose at most ${MAX_USER_ATTRIBUTES}`,
    });
  const names = input.flatMap((raw: unknown, index) => {
    const what = `user attribute ${index + 1}${typeof raw === 'string' ? ` ${JSON.stringify(raw)}` : ''}`;
    const name = checkText(raw, what, `userAttributes[${index}]`, false, errors);
    return name === undefined ? [] : [name];
  });
  return { names: [...new Set(names)], errors };
}

export interface ExportChoicesCheck {
  mapping: ExportMapping;
  userAttributes: string[];
  /** Problems that make the choices unusable: the export refuses them. */
  errors: ChoiceProblem[];
  /** Choices that work but depart from what BalkanID publishes. */
  warnings: ChoiceProblem[];
}

/** Checks a mapping (given in part, or not at all) together with the user attributes its key renames apply to. */
export function checkExportChoices(input: { mapping?: unknown; userAttributes?: unknown }): ExportChoicesCheck {
  const errors: ChoiceProblem[] = [];
  const mapping = readMapping(input.mapping, errors);
  const attributes = checkUserAttributes(input.userAttributes);
  errors.push(...attributes.errors);
  checkConnectionSourceTypes(mapping, errors);
  checkKeyCollisions(mapping, attributes.names, errors);
  return { mapping, userAttributes: attributes.names, errors, warnings: publishedValueWarnings(mapping) };
}

/** The problems as one message, each once (a problem about two choices is recorded for both). */
export function describeChoiceProblems(problems: readonly ChoiceProblem[], separator = '; '): string {
  return [...new Set(problems.map((problem) => problem.message))].join(separator);
}
