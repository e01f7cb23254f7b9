// Above the mapping: whether the choices are saved, "Reset to defaults", and a profile file to download (the same
// format `okta-prep export --profile` reads) or to import (checked by the service before it is taken).
import { useId, useState } from 'react';
import { DEFAULT_EXPORT_MAPPING } from '../../../../shared/balkanid/exportMapping';
import { changedChoices } from '../../../../shared/balkanid/exportMappingChoices';
import { exportProfileOf } from '../../../../shared/balkanid/exportProfile';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeError, type ErrorDescription } from '../../service/describeError';
import { saveBlob } from '../../service/saveBlob';

const PROFILE_FILE_NAME = 'okta-prep-export-profile.json';
/** As the CLI's limit: a profile is a few kilobytes. */
const MAX_PROFILE_BYTES = 1024 * 1024;

const SAVE_STATES = {
  loading: 'Loading the saved choices…',
  saving: 'Saving…',
  saved: 'Choices saved for next time.',
  failed: 'The choices could not be saved.',
} as const;

function downloadProfile(text: string): void {
  saveBlob(new Blob([text], { type: 'application/json' }), PROFILE_FILE_NAME);
}

async function readProfileFile(file: File): Promise<unknown> {
  if (file.size > MAX_PROFILE_BYTES) throw new Error(`${file.name} is ${file.size} bytes, too large for a profile`);
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch (error) {
    throw new Error(`${file.name} is not JSON (${(error as Error).message}): choose a profile file`);
  }
}

export function MappingProfileActions() {
  const { choices, replaceChoices, saved } = useExportOptions();
  const { importFile, importError, clearImportError, imported } = useProfileImport();
  const changed = changedChoices(choices.mapping).length;
  return (
    <div className="mapping-actions">
      <p role="status" className="field-hint">
        {SAVE_STATES[saved.state]}{' '}
        {changed === 0 ? 'Every value is the default.' : `${changed} changed from the default.`}
        {imported && ` Imported ${imported}.`}
      </p>
      {saved.notice && <p className="alert alert-warning">{saved.notice}</p>}
      <ErrorAlert error={saved.error} />
      <div className="button-row">
        <button
          type="button"
          disabled={changed === 0}
          onClick={() => replaceChoices({ ...choices, mapping: DEFAULT_EXPORT_MAPPING })}
        >
          Reset to defaults
        </button>
        <button type="button" onClick={() => downloadProfile(`${JSON.stringify(exportProfileOf(choices), null, 2)}\n`)}>
          Download profile
        </button>
        <ImportProfileInput onFile={(file) => void importFile(file)} />
      </div>
      <ErrorAlert error={importError} onDismiss={clearImportError} />
    </div>
  );
}

/** Importing a profile file: saved through the service's rules, or refused with why (said of the profile). */
function useProfileImport() {
  const { saved } = useExportOptions();
  const [importError, setImportError] = useState<ErrorDescription | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  async function importFile(file: File | undefined) {
    if (!file) return;
    setImportError(null);
    setImported(null);
    try {
      await saved.importProfile(await readProfileFile(file));
      setImported(file.name);
    } catch (error) {
      const { detail } = describeError(error);
      setImportError({
        title: `${file.name} was not imported`,
        detail: detail.replace(/params\.profile/gi, (found) => (found.startsWith('P') ? 'The profile' : 'the profile')),
      });
    }
  }
  return { importFile, importError, clearImportError: () => setImportError(null), imported };
}

function ImportProfileInput({ onFile }: { onFile: (file: File | undefined) => void }) {
  const importId = useId();
  return (
    <label htmlFor={importId} className="field-inline">
      Import profile
      <input
        id={importId}
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          onFile(event.target.files?.[0]);
          // Cleared so that choosing the same file again imports it again.
          event.target.value = '';
        }}
      />
    </label>
  );
}
