// "Export as CSV": the service sends the whole answer as the CLI's CSV file and the browser saves it. The desktop app
// has no download yet, so there the button gives way to the command that writes the same file.
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';

interface CsvDownloadButtonProps {
  method: 'audit.findings' | 'audit.diff' | 'browse.page';
  params: unknown;
  label: string;
  /** The command that writes the same file, said where the app cannot download. */
  cliHint: string;
}

export function CsvDownloadButton({ method, params, label, cliHint }: CsvDownloadButtonProps) {
  const { downloadCsv } = useService();
  const download = useAsyncAction(async () => downloadCsv?.(method, params));
  if (!downloadCsv)
    return (
      <p className="muted">
        CSV: <code>{cliHint}</code>
      </p>
    );
  return (
    <>
      <button type="button" onClick={() => void download.run()} disabled={download.pending}>
        {download.pending ? 'Preparing the CSV…' : label}
      </button>
      <ErrorAlert error={download.error} onDismiss={download.clearError} />
    </>
  );
}
