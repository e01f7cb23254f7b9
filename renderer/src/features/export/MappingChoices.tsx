// The Export screen's "BalkanID mapping": every string BalkanID does not publish, with its value, its default and
// whether BalkanID shows it anywhere, each editable. A value is applied as soon as the mapping rules accept it (the
// same rules as the CLI and the service); a refused one stays in its field with the reason, and the one in use is kept.
import { useMemo, useState, type ReactNode } from 'react';
import type { ExportMapping } from '../../../../shared/balkanid/exportMapping';
import {
  MAPPING_CHOICES,
  choiceValue,
  withChoiceValue,
  type MappingChoice,
  type MappingGroup,
} from '../../../../shared/balkanid/exportMappingChoices';
import { checkExportChoices } from '../../../../shared/balkanid/exportMappingRules';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { MappingChoiceRow, type ChoiceNotes } from './MappingChoiceRow';
import { MappingProfileActions } from './MappingProfileActions';

const GROUPS: { group: MappingGroup; title: string }[] = [
  { group: 'sourceType', title: 'Source Types' },
  { group: 'roleSourceIdPrefix', title: 'Admin role Source ID' },
  { group: 'privilegeName', title: 'privilegeName in relation metadata' },
  { group: 'connectionType', title: 'connectionType in relation metadata' },
  { group: 'metadataKeys', title: 'Metadata key names' },
];

const CHOICE_BY_PATH = new Map(MAPPING_CHOICES.map((choice) => [choice.path, choice]));

/** The mapping with every typed value the rules accept laid over it, in the order typed (one may unblock another). */
function applyDrafts(mapping: ExportMapping, drafts: Record<string, string>, userAttributes: string[]) {
  let applied = mapping;
  for (const [path, value] of Object.entries(drafts)) {
    const checked = checkExportChoices({
      mapping: withChoiceValue(applied, CHOICE_BY_PATH.get(path)!, value),
      userAttributes,
    });
    if (checked.errors.length === 0) applied = checked.mapping;
  }
  return applied;
}

/** Why each typed value not in use was refused, and the warnings about the values in use. */
function notesFor(mapping: ExportMapping, drafts: Record<string, string>, userAttributes: string[]) {
  const notes = new Map<string, ChoiceNotes>();
  const note = (path: string) => notes.get(path) ?? notes.set(path, { errors: [], warnings: [] }).get(path)!;
  for (const [path, value] of Object.entries(drafts)) {
    const choice = CHOICE_BY_PATH.get(path)!;
    if (value.trim() === choiceValue(mapping, choice)) continue;
    const checked = checkExportChoices({ mapping: withChoiceValue(mapping, choice, value), userAttributes });
    note(path).errors.push(...new Set(checked.errors.map((error) => error.message)));
  }
  for (const warning of checkExportChoices({ mapping, userAttributes }).warnings)
    note(warning.path).warnings.push(warning.message);
  return notes;
}

function MappingFields() {
  const { choices, setChoices } = useExportOptions();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const notes = useMemo(
    () => notesFor(choices.mapping, drafts, choices.userAttributes),
    [choices.mapping, drafts, choices.userAttributes],
  );

  function change(choice: MappingChoice, value: string) {
    const next = { ...drafts, [choice.path]: value };
    setDrafts(next);
    setChoices((current) => ({ ...current, mapping: applyDrafts(current.mapping, next, current.userAttributes) }));
  }

  return (
    <>
      {GROUPS.map(({ group, title }) => {
        const rows = MAPPING_CHOICES.filter((choice) => choice.group === group).map((choice) => (
          <MappingChoiceRow
            key={choice.path}
            choice={choice}
            value={drafts[choice.path] ?? choiceValue(choices.mapping, choice)}
            inUse={choiceValue(choices.mapping, choice)}
            notes={notes.get(choice.path)}
            onChange={(value) => change(choice, value)}
          />
        ));
        if (group !== 'metadataKeys') return <MappingTable key={group} title={title} rows={rows} />;
        const renamed = Object.keys(choices.mapping.metadataKeys).length;
        return <MetadataKeyTable key={group} title={title} rows={rows} renamed={renamed} />;
      })}
    </>
  );
}

/** The metadata key names, folded away unless one was renamed (there are many, and most people keep them). */
function MetadataKeyTable({ title, rows, renamed }: { title: string; rows: ReactNode[]; renamed: number }) {
  return (
    <details open={renamed > 0 || undefined}>
      <summary>
        Metadata key names ({rows.length} keys, {renamed} renamed)
      </summary>
      <MappingTable title={title} rows={rows} />
    </details>
  );
}

function MappingTable({ title, rows }: { title: string; rows: ReactNode[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact mapping-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Choice</th>
            <th scope="col">Value</th>
            <th scope="col">Default</th>
            <th scope="col">BalkanID</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}

export function MappingChoices() {
  const { revision } = useExportOptions();
  return (
    <section className="panel" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">BalkanID mapping</h2>
      <p className="field-hint">
        BalkanID publishes the columns of its files but not these values. &ldquo;Our choice&rdquo; marks a value Okta
        Prep chose; &ldquo;published&rdquo; one BalkanID&rsquo;s own samples show. Changes apply to the preview and the
        export at once, are saved for next time and are recorded in manifest.json.
      </p>
      <MappingProfileActions />
      {/* Loading, importing or resetting the choices starts the fields over from them. */}
      <MappingFields key={revision} />
    </section>
  );
}
