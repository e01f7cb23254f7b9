// `okta-prep export --help`: the command's options and every export-mapping choice with the value in effect (the
// defaults, or what --profile and the flags given with --help make of them), what BalkanID publishes and what is ours.
import {
  MAPPING_CHOICES,
  choiceValue,
  type MappingChoice,
  type MappingGroup,
} from '../../shared/balkanid/exportMappingChoices';
import { RELATION_KINDS } from '../../shared/balkanid/columns';
import { ownersOfKey } from '../../shared/balkanid/metadataKeys';
import type { CliValues } from './cliArgs';
import { exportChoicesFrom } from './exportMappingFlags';

const SYNOPSIS = `okta-prep export — write the BalkanID upload bundle of a snapshot (the latest complete one by default)

Usage:
  okta-prep export [--db FILE] [--snapshot ID] --out DIR [--relations KINDS] [--flatten-group-apps] [--shared-files]
                   [--allow-invalid] [--review-copy] [--format entities-relations|entitlements]
                   [--user-statuses LIST] [--split-rows N]
                   [--user-attributes NAMES] [--user-attribute NAME]... [--profile FILE] [--save-profile FILE]
                   [--source-type KIND=VALUE]... [--role-id-prefix TEXT] [--privilege-name KIND=VALUE]...
                   [--connection-type KIND=VALUE]... [--metadata-key OURS=WRITTEN]... [--json]

--relations KINDS       comma-separated: ${RELATION_KINDS.slice(0, 3).join(',')},
                        ${RELATION_KINDS.slice(3).join(',')}
--flatten-group-apps    also write user → app rows for access held only through a group
--shared-files          write the files readable by every user of this computer (0644); by default 0600
--allow-invalid         publish under the upload names even when validation finds errors (recorded in the manifest
                        as publishedDespiteErrors; upload refuses such a bundle). Without it a failing export is kept
                        as entities.invalid.csv, entity-relations.invalid.csv and manifest.invalid.json, exit 1
--format FORMAT         entities-relations (default: entities.csv and entity-relations.csv) or entitlements (one
                        entitlements.csv, BalkanID's flat format: a row per user → group → app path, user → app,
                        user → role and user → group → role; Project is the org URL). --relations and
                        --flatten-group-apps choose the paths; flattening adds group-granted access Okta reports
                        that no membership in the snapshot explains
--user-statuses LIST    only users of these Okta statuses, comma-separated (ACTIVE,SUSPENDED,...); default every
                        status. Applies to both formats
--split-rows N          split each CSV file into parts of at most N data rows, each with the header
                        (entities.part-001.csv, ...); the manifest lists the parts in upload order
--review-copy           also write review/<file>: formula-like cells (= + - @ tab CR) prefixed by ' for spreadsheets;
                        the upload files keep the exact values, and the review copy is never uploaded
--user-attributes NAMES the user attributes written as identity metadata, in this order (default: the BalkanID
                        list; any other name is read from the Okta profile). A CSV list: put a name holding a comma
                        or quote in double quotes, doubling the quotes inside: --user-attributes 'email,"cost,center"'
--user-attribute NAME   one attribute name, as it is (repeatable; added after --user-attributes)
--profile FILE          read the choices below (and the relations, attributes and flattening) from a profile file
--save-profile FILE     write the choices in effect to FILE (readable by you only); without --out, only that
The flags override the profile, and the profile overrides the defaults.`;

const GROUP_HEADINGS: Record<MappingGroup, string> = {
  sourceType: 'Source Type of each kind of object            --source-type KIND=VALUE',
  roleSourceIdPrefix: "admin role Source ID: this prefix + the role type or custom role's id   --role-id-prefix TEXT",
  privilegeName: 'relation metadata privilegeName                --privilege-name KIND=VALUE',
  connectionType: 'relation metadata connectionType               --connection-type KIND=VALUE',
  metadataKeys: 'metadata key names (ours → written)            --metadata-key OURS=WRITTEN',
};

const WIDTH = 118;

/** Word-wraps `text` to the help's width, each following line indented by `indent`. */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  const lead = /^ */.exec(text)![0];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    if (line.trim() !== '' && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line === lead ? `${lead}${word}` : `${line} ${word}`;
  }
  return [...lines, line];
}

function choiceLine(choice: MappingChoice, value: string): string[] {
  const name = choice.key ?? '(prefix)';
  const where = choice.group === 'metadataKeys' ? `in ${ownersOfKey(name).join(', ')}; ` : '';
  const origin = choice.published ? `published: ${choice.published}` : 'our choice';
  const changed = value === choice.defaultValue ? '' : ` (default ${JSON.stringify(choice.defaultValue)})`;
  const text = `    ${name.padEnd(24)} ${JSON.stringify(value).padEnd(22)} ${where}${origin}${changed}`;
  return wrap(text, ' '.repeat(52));
}

/** The whole help; bad --profile or flags given with --help are refused like any export (exit 2). */
export function exportHelp(values: CliValues): string {
  const { profile, warnings, origin } = exportChoicesFrom(values);
  const lines = [
    SYNOPSIS,
    '',
    `The BalkanID mapping: strings BalkanID does not publish all take a value Okta Prep chose ("our choice");`,
    `"published" marks a value BalkanID's own samples show. Values in effect: ${origin}.`,
  ];
  for (const group of Object.keys(GROUP_HEADINGS) as MappingGroup[]) {
    lines.push('', `  ${GROUP_HEADINGS[group]}`);
    for (const choice of MAPPING_CHOICES.filter((entry) => entry.group === group))
      lines.push(...choiceLine(choice, choiceValue(profile.mapping, choice)));
  }
  const attributes = profile.userAttributes.map((name) => JSON.stringify(name)).join(', ');
  lines.push(
    '',
    ...wrap(`  user attributes, in the order written: ${attributes || '(none)'}`, '    '),
    ...wrap(`  relations: ${profile.relationKinds.join(', ') || '(none)'}`, '    '),
    `  flattened group app access: ${profile.flattenGroupAppAssignments ? 'yes' : 'no'}`,
    ...[...new Set(warnings.map((warning) => warning.message))].flatMap((message) =>
      wrap(`  warning: ${message}`, '    '),
    ),
  );
  return lines.join('\n');
}
