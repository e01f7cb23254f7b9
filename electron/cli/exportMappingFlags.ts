// `okta-prep export`'s choices from the command line: a profile file (--profile), the mapping flags laid over it
// (--source-type, --role-id-prefix, --privilege-name, --connection-type, --metadata-key), the user attributes
// (--user-attributes as a CSV list, --user-attribute NAME repeatable), and --save-profile. Flags override the profile,
// the profile overrides the defaults; every value is checked with the mapping rules before anything is opened.
import Papa from 'papaparse';
import { RELATION_KINDS } from '../../shared/balkanid/columns';
import {
  MAPPED_RELATION_KINDS,
  MAPPED_SOURCE_TYPES,
  type PartialExportMapping,
} from '../../shared/balkanid/exportMapping';
import {
  checkExportChoices,
  describeChoiceProblems,
  type ChoiceProblem,
} from '../../shared/balkanid/exportMappingRules';
import { exportProfileOf, type ExportProfile } from '../../shared/balkanid/exportProfile';
import { OUR_METADATA_KEYS } from '../../shared/balkanid/metadataKeys';
import type { ExportOptions } from '../core/export/exportOptions';
import { ExportProfileError, readExportProfileFile, writeExportProfileFile } from '../core/export/exportProfileFile';
import type { CliValues } from './cliArgs';
import { CliError, EXIT, usageError } from './cliErrors';
import type { CliOutput } from './cliOutput';

export interface CliExportChoices {
  /** The choices in effect: defaults, then the profile, then the flags; checked and trimmed. */
  profile: ExportProfile;
  warnings: ChoiceProblem[];
  /** Where the choices came from, for help: "the defaults", or the profile and/or flags. */
  origin: string;
}

/** KIND=VALUE pairs of a repeatable flag; the value may hold "=" (split at the first), a later pair wins. */
function parsePairs(pairs: readonly string[] | undefined, flag: string, known: readonly string[], example: string) {
  const what = flag === '--metadata-key' ? 'a metadata key Okta Prep writes' : 'one of the kinds';
  const parsed: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at < 0) throw usageError(`${flag} "${pair}": write KIND=VALUE, for example ${flag} ${example}`);
    const kind = pair.slice(0, at).trim();
    if (!known.includes(kind))
      throw usageError(`${flag} "${pair}": "${kind}" is not ${what}: choose from ${known.join(', ')}`);
    parsed[kind] = pair.slice(at + 1);
  }
  return pairs === undefined ? undefined : parsed;
}

function mappingFlags(values: CliValues): PartialExportMapping {
  const flags: PartialExportMapping = {
    sourceType: parsePairs(values['source-type'], '--source-type', MAPPED_SOURCE_TYPES, 'app=application'),
    privilegeName: parsePairs(values['privilege-name'], '--privilege-name', MAPPED_RELATION_KINDS, 'userAdminRole=ad'),
    connectionType: parsePairs(
      values['connection-type'],
      '--connection-type',
      MAPPED_RELATION_KINDS,
      'userAdminRole=r',
    ),
    metadataKeys: parsePairs(values['metadata-key'], '--metadata-key', OUR_METADATA_KEYS, 'username=login'),
    roleSourceIdPrefix: values['role-id-prefix'],
  };
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
}

/** The profile's mapping with the flags laid over it, group by group. */
function mergeMappings(under: PartialExportMapping, over: PartialExportMapping): PartialExportMapping {
  const prefix = over.roleSourceIdPrefix ?? under.roleSourceIdPrefix;
  return {
    sourceType: { ...under.sourceType, ...over.sourceType },
    privilegeName: { ...under.privilegeName, ...over.privilegeName },
    connectionType: { ...under.connectionType, ...over.connectionType },
    metadataKeys: { ...under.metadataKeys, ...over.metadataKeys },
    ...(prefix !== undefined && { roleSourceIdPrefix: prefix }),
  };
}

/**
 * --user-attributes is a CSV record (papaparse): a name holding a comma or quote is written in double quotes with
 * inner quotes doubled; --user-attribute NAME takes one name as it is. Either replaces the list; both: list first.
 */
export function userAttributesFromFlags(values: CliValues): string[] | undefined {
  const list = values['user-attributes'];
  const single = values['user-attribute'];
  if (list === undefined && single === undefined) return undefined;
  const names: string[] = [];
  if (list !== undefined && list.trim() !== '') {
    if (/[\r\n]/.test(list)) throw usageError('--user-attributes holds a line break: give the names on one line');
    const parsed = Papa.parse<string[]>(list, { delimiter: ',', quoteChar: '"', header: false });
    const problem = parsed.errors[0];
    if (problem)
      throw usageError(
        `--user-attributes "${list}": ${problem.message}. Put a name holding a comma or quote in double quotes, ` +
          `doubling the quotes inside: --user-attributes 'email,"cost,center","say ""hi"""'`,
      );
    names.push(...(parsed.data[0] ?? []).map((name) => name.trim()));
  }
  return [...names, ...(single ?? [])];
}

function readProfile(file: string | undefined): ExportProfile | undefined {
  if (file === undefined) return undefined;
  try {
    return readExportProfileFile(file).profile;
  } catch (error) {
    if (error instanceof ExportProfileError) throw usageError(`--profile: ${error.message}`);
    throw error;
  }
}

// The choices are resolved before the cache is opened (to refuse bad flags early) and again for the export: once.
const resolved = new WeakMap<CliValues, CliExportChoices>();

export function exportChoicesFrom(values: CliValues): CliExportChoices {
  const known = resolved.get(values);
  if (known) return known;
  const profile = readProfile(values.profile);
  const flags = mappingFlags(values);
  const checked = checkExportChoices({
    mapping: mergeMappings(profile?.mapping ?? {}, flags),
    userAttributes: userAttributesFromFlags(values) ?? profile?.userAttributes,
  });
  if (checked.errors.length > 0)
    throw usageError(`the export choices cannot be used:\n  ${describeChoiceProblems(checked.errors, '\n  ')}`);
  const origins = [
    ...(values.profile !== undefined ? [`the profile ${values.profile}`] : []),
    ...(Object.keys(flags).length > 0 || userAttributesFromFlags(values) ? ['the flags given'] : []),
  ];
  const choices: CliExportChoices = {
    profile: exportProfileOf({
      mapping: checked.mapping,
      userAttributes: checked.userAttributes,
      relationKinds: profile?.relationKinds ?? RELATION_KINDS,
      flattenGroupAppAssignments: profile?.flattenGroupAppAssignments ?? false,
    }),
    warnings: checked.warnings,
    origin: origins.length > 0 ? `the defaults, with ${origins.join(' and then ')}` : 'the defaults',
  };
  resolved.set(values, choices);
  return choices;
}

/**
 * The export options with the profile and mapping flags applied: `fromFlags` holds what the other export flags set
 * (--relations, --flatten-group-apps, --shared-files), which win over the profile.
 */
export function withExportChoices(values: CliValues, fromFlags: Partial<ExportOptions>): Partial<ExportOptions> {
  const { profile } = exportChoicesFrom(values);
  return {
    ...fromFlags,
    relationKinds: fromFlags.relationKinds ?? profile.relationKinds,
    flattenGroupAppAssignments: fromFlags.flattenGroupAppAssignments === true || profile.flattenGroupAppAssignments,
    userAttributes: profile.userAttributes,
    mapping: profile.mapping,
  };
}

/**
 * Before the export opens the cache: refuses bad choices (exit 2), says which depart from what BalkanID publishes,
 * and writes --save-profile (the choices in effect: `options` as the export will take them). Returns false when there
 * is nothing more to do (--save-profile without --out).
 */
export function prepareExportChoices(values: CliValues, out: CliOutput, options: Partial<ExportOptions>): boolean {
  const { profile, warnings } = exportChoicesFrom(values);
  for (const message of new Set(warnings.map((warning) => warning.message))) out.note(`warning: ${message}`);
  const file = values['save-profile'];
  if (file === undefined) return true;
  const saved = exportProfileOf({
    ...profile,
    relationKinds: options.relationKinds ?? profile.relationKinds,
    flattenGroupAppAssignments: options.flattenGroupAppAssignments ?? profile.flattenGroupAppAssignments,
  });
  try {
    writeExportProfileFile(file, saved);
  } catch (error) {
    if (error instanceof ExportProfileError) throw new CliError(error.message, EXIT.local);
    throw error;
  }
  out.note(`saved the export choices to ${file} (readable by you only)`);
  return values.out !== undefined;
}
