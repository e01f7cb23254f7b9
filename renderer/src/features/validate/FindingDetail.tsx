// The offending row of the selected finding: file, line and column, the value, and (for opened files) the physical line
// itself.
import { BUNDLE_FILE_NAMES } from '../../../../shared/balkanid/bundleFileNames';
import type { Finding } from '../../../../shared/balkanid/findings';
import { physicalLine } from './physicalLine';

export interface FileTexts {
  entities?: { name: string; content: string };
  relations?: { name: string; content: string };
  entitlements?: { name: string; content: string };
}

export function FindingDetail({
  finding,
  texts,
  onClose,
}: {
  finding: Finding;
  texts: FileTexts | null;
  onClose: () => void;
}) {
  const source = texts?.[finding.file];
  const fileName = source?.name ?? BUNDLE_FILE_NAMES[finding.file];
  const line = source && finding.line > 0 ? physicalLine(source.content, finding.line) : undefined;
  return (
    <section className="panel finding-detail" aria-labelledby="finding-detail-heading">
      <div className="detail-header">
        <h4 id="finding-detail-heading" tabIndex={-1}>
          {fileName}
          {finding.line > 0 ? `, line ${finding.line}` : ' (whole file)'}
          {finding.column ? `, column ${finding.column}` : ''}
        </h4>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p>{finding.message}</p>
      {finding.value !== undefined && (
        <p>
          Value: <code className="cell-value">{finding.value === '' ? '(empty)' : finding.value}</code>
        </p>
      )}
      {line !== undefined && <SourceLine line={line} lineNumber={finding.line} fileName={fileName} />}
      <p>
        <strong>Fix:</strong> {finding.fix}
      </p>
    </section>
  );
}

/** The physical line of the file the finding is on, scrollable when long (so it is focusable and named). */
function SourceLine({ line, lineNumber, fileName }: { line: string; lineNumber: number; fileName: string }) {
  return (
    <figure className="source-line">
      <figcaption>Line {lineNumber} as written in the file</figcaption>
      <div className="source-line-text" tabIndex={0} role="region" aria-label={`Line ${lineNumber} of ${fileName}`}>
        <pre>
          <span className="line-number" aria-hidden="true">
            {lineNumber}
          </span>
          {line === '' ? '(empty line)' : line}
        </pre>
      </div>
    </figure>
  );
}
