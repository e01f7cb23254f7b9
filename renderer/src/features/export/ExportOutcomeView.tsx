// A finished export: the folder it went to (with a button to open it) and the manifest's counts per file, entity
// type and relation kind.
import { useState } from 'react';
import { useService } from '../../service/ServiceContext';
import { uploadVerdict, type ExportOutcome } from './exportResult';
import { formatCount, formatDuration, plural } from '../../format/formatDuration';
import { relationKindLabel } from '../../format/labels';

function OpenFolderButton({ folder }: { folder: string }) {
  const client = useService();
  const [note, setNote] = useState<string>();
  const open = async () => {
    try {
      const result = await client.call('export.openFolder', { path: folder });
      setNote(result.opened ? undefined : result.message);
    } catch (error) {
      setNote((error as Error).message);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void open()}>
        Open folder
      </button>
      {note && <p className="field-hint">{note}</p>}
    </>
  );
}

/** Ready to upload or not; never "ready" without saying how many relations were left out and why. */
function UploadVerdict({ outcome }: { outcome: ExportOutcome }) {
  const verdict = uploadVerdict(outcome);
  if (!verdict) return null;
  return <p className={verdict.ready && !verdict.leftOut ? undefined : 'text-warning'}>{verdict.text}</p>;
}

export function ExportOutcomeView({ outcome, elapsedMs }: { outcome: ExportOutcome; elapsedMs: number }) {
  return (
    <div className="export-outcome">
      <p className="text-success" role="status">
        Export complete in {formatDuration(elapsedMs)}
        {outcome.outDir ? ':' : '.'} {outcome.outDir && <code className="path">{outcome.outDir}</code>}
      </p>
      {outcome.outDir && <OpenFolderButton folder={outcome.outDir} />}
      <UploadVerdict outcome={outcome} />
      <dl className="summary-list">
        {outcome.files.map((file) => (
          <div key={file.name}>
            <dt>{file.name}</dt>
            <dd>{plural(file.rows, 'row')}</dd>
          </div>
        ))}
        {outcome.entityCounts.map((entry) => (
          <div key={entry.label}>
            <dt>{entry.label}</dt>
            <dd>{formatCount(entry.count)}</dd>
          </div>
        ))}
        {outcome.relationCounts.map((entry) => (
          <div key={entry.kind}>
            <dt>{relationKindLabel(entry.kind)}</dt>
            <dd>{formatCount(entry.count)}</dd>
          </div>
        ))}
        {outcome.errors !== undefined && (
          <div>
            <dt>Validation</dt>
            <dd>
              {plural(outcome.errors, 'error')}, {plural(outcome.warnings ?? 0, 'warning')}
            </dd>
          </div>
        )}
      </dl>
      <p className="field-hint">The folder also holds manifest.json with these counts and a SHA-256 of each file.</p>
    </div>
  );
}
