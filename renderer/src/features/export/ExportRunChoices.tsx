// Choices for one export run, not saved with the profile: publish the files even when the check finds errors, and
// write a spreadsheet-safe review copy beside them.
import { CheckboxField } from '../../components/CheckboxField';

export interface RunChoices {
  allowInvalid: boolean;
  reviewCopy: boolean;
}

export const NO_RUN_CHOICES: RunChoices = { allowInvalid: false, reviewCopy: false };

export function ExportRunChoices({ choices, onChange }: { choices: RunChoices; onChange: (next: RunChoices) => void }) {
  return (
    <>
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
            Without it, files that fail the check are kept as entities.invalid.csv, entity-relations.invalid.csv and
            manifest.invalid.json. Either way Upload refuses files with errors: BalkanID would reject them.
          </>
        }
      />
    </>
  );
}
