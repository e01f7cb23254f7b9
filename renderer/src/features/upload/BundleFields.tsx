// Where the bundle is and where it goes: the bundle folder and BalkanID's address.
import { TextField } from '../../components/TextField';
import type { UploadForm } from './useUploadForm';

export function BundleFields({ form }: { form: UploadForm }) {
  return (
    <>
      <TextField
        label="Bundle folder"
        value={form.dir}
        onChange={form.setDir}
        hint="The folder an export wrote: manifest.json beside entities.csv and entity-relations.csv."
      />
      <TextField
        label="BalkanID address"
        type="url"
        value={form.baseUrl}
        onChange={form.setBaseUrl}
        hint="https only (http only for 127.0.0.1)."
      />
    </>
  );
}
