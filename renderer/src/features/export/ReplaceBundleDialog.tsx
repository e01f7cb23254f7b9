// Asked before an export replaces the bundle a folder already holds: which files are there, and that they go.
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface ReplaceBundleDialogProps {
  folder: string;
  /** The bundle files in the folder; null while nothing is asked. */
  files: readonly string[] | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ReplaceBundleDialog({ folder, files, pending, onConfirm, onCancel }: ReplaceBundleDialogProps) {
  return (
    <ConfirmDialog
      open={files !== null}
      title="Replace the export in this folder?"
      confirmLabel="Replace the files"
      danger
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {/* Only while asking: a closed <dialog> stays in the page, where it would repeat the outcome's folder path. */}
      {files !== null && (
        <>
          <p>
            <code className="path">{folder}</code> already holds an export. Exporting here replaces these files once the
            new ones are complete:
          </p>
          <ul>
            {files.map((file) => (
              <li key={file}>
                <code>{file}</code>
              </li>
            ))}
          </ul>
          <p className="field-hint">Choose Cancel to keep them and pick another folder.</p>
        </>
      )}
    </ConfirmDialog>
  );
}
