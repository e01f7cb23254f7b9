// The export's output folder: a text field that suggests the folders used before (a datalist: the browser build has
// no folder dialog), and in the desktop app a Choose… button opening the OS folder dialog through the service.
import { useId } from 'react';
import { useService } from '../../service/ServiceContext';
import { useAsyncAction } from '../../service/useAsyncAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { RunChoices } from './ExportRunChoices';

const WRITTEN: Record<RunChoices['format'], string> = {
  'entities-relations': 'entities.csv, entity-relations.csv and manifest.json are',
  entitlements: 'entitlements.csv and manifest.json are',
};

interface OutputFolderFieldProps {
  value: string;
  onChange: (value: string) => void;
  format: RunChoices['format'];
  /** Folders used before, most recent first, offered as suggestions. */
  recent: readonly string[];
  /** The desktop app: a native folder dialog is there. */
  desktop: boolean;
}

export function OutputFolderField({ value, onChange, format, recent, desktop }: OutputFolderFieldProps) {
  const folderId = useId();
  const hintId = useId();
  const listId = useId();
  const choose = useChooseFolder(value, onChange);
  return (
    <div className="field">
      <label htmlFor={folderId}>Output folder</label>
      <div className="input-with-button">
        <input
          id={folderId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          list={recent.length > 0 ? listId : undefined}
          value={value}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.value)}
        />
        {desktop && (
          <button type="button" disabled={choose.pending} onClick={() => void choose.run()}>
            Choose…
          </button>
        )}
      </div>
      {recent.length > 0 && (
        <datalist id={listId}>
          {recent.map((folder) => (
            <option key={folder} value={folder} />
          ))}
        </datalist>
      )}
      <p id={hintId} className="field-hint">
        {WRITTEN[format]} written here; files are replaced only once complete.
        {recent.length > 0 && ' The field suggests the folders you exported to before.'}
      </p>
      <ErrorAlert error={choose.error} />
    </div>
  );
}

/** The desktop app's folder dialog, opened at the folder in the field; a folder chosen replaces the field's text. */
function useChooseFolder(current: string, onChosen: (folder: string) => void) {
  const client = useService();
  return useAsyncAction(async () => {
    const chosen = await client.call('export.chooseFolder', current.trim() ? { defaultPath: current.trim() } : {});
    if (chosen.path !== undefined) onChosen(chosen.path);
  });
}
