// Where the bundle is and where it goes: the bundle folder and BalkanID's address.
import { useId } from 'react';
import type { UploadForm } from './useUploadForm';

export function BundleFields({ form }: { form: UploadForm }) {
  const folderId = useId();
  const baseUrlId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={folderId}>Bundle folder</label>
        <input
          id={folderId}
          type="text"
          spellCheck={false}
          value={form.dir}
          onChange={(event) => form.setDir(event.target.value)}
        />
        <p className="field-hint">
          The folder an export wrote: manifest.json beside entities.csv and entity-relations.csv.
        </p>
      </div>
      <div className="field">
        <label htmlFor={baseUrlId}>BalkanID address</label>
        <input
          id={baseUrlId}
          type="url"
          spellCheck={false}
          value={form.baseUrl}
          onChange={(event) => form.setBaseUrl(event.target.value)}
        />
        <p className="field-hint">https only (http only for 127.0.0.1).</p>
      </div>
    </>
  );
}
