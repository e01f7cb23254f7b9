// Choices for one export run, not saved with the profile: the file format, splitting files into parts, publishing
// the files even when the check finds errors, and a spreadsheet-safe review copy beside them.
import { useId } from 'react';
import type { ExportFormat } from '../../../../shared/balkanid/entitlements';
import { CheckboxField } from '../../components/CheckboxField';

export interface RunChoices {
  format: ExportFormat;
  /** Most data rows per file; undefined for one file each. */
  splitRows?: number;
  allowInvalid: boolean;
  reviewCopy: boolean;
}

export const NO_RUN_CHOICES: RunChoices = { format: 'entities-relations', allowInvalid: false, reviewCopy: false };

const FORMAT_LABELS: Record<ExportFormat, { label: string; hint: string }> = {
  'entities-relations': {
    label: 'Entities and relations',
    hint: "entities.csv and entity-relations.csv, BalkanID's current format",
  },
  entitlements: {
    label: 'Entitlements (one flat file)',
    hint: 'entitlements.csv: a row per user → group → app, user → app and user → role path',
  },
};

/** The output files' format: the two-file pair or the flat entitlements file. */
function FormatChoice({ value, onChange }: { value: ExportFormat; onChange: (format: ExportFormat) => void }) {
  return (
    <fieldset className="fieldset">
      <legend>File format</legend>
      {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((format) => (
        <label key={format} className="choice choice-block">
          <input type="radio" name="export-format" checked={value === format} onChange={() => onChange(format)} />
          <span>
            {FORMAT_LABELS[format].label} <span className="muted">— {FORMAT_LABELS[format].hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** An empty field (one file each) or the most data rows a file may hold. */
function SplitRowsField({ value, onChange }: { value?: number; onChange: (rows?: number) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Split files at (rows)</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={value ?? ''}
        onChange={(event) => {
          const rows = Number(event.target.value);
          onChange(event.target.value === '' || !Number.isSafeInteger(rows) || rows < 1 ? undefined : rows);
        }}
      />
      <p className="field-hint">
        Empty: one file each. Otherwise parts of at most this many rows, each with the header.
      </p>
    </div>
  );
}

export function ExportRunChoices({ choices, onChange }: { choices: RunChoices; onChange: (next: RunChoices) => void }) {
  return (
    <>
      <FormatChoice value={choices.format} onChange={(format) => onChange({ ...choices, format })} />
      <SplitRowsField value={choices.splitRows} onChange={(splitRows) => onChange({ ...choices, splitRows })} />
      <CheckboxField
        checked={choices.reviewCopy}
        onChange={(reviewCopy) => onChange({ ...choices, reviewCopy })}
        label="Also write a spreadsheet-safe review copy"
        hint={
          <>
            review/ gets each file again with cells that start like a formula (= + - @) prefixed by an apostrophe, for
            opening in a spreadsheet. The upload files keep the exact values; the copy is never uploaded.
          </>
        }
      />
      <CheckboxField
        checked={choices.allowInvalid}
        onChange={(allowInvalid) => onChange({ ...choices, allowInvalid })}
        label="Publish even if the check finds errors"
        hint={
          <>
            Without it, files that fail the check are kept as *.invalid.csv and manifest.invalid.json, names no upload
            takes. Either way Upload refuses files with errors: BalkanID would reject them.
          </>
        }
      />
    </>
  );
}
