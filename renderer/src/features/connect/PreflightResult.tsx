// Result of "Test connection": per object kind whether it is readable and what the export loses if not, plus an
// estimate; or, when the org cannot be reached, that once, with the checks that could not run.
import { useEffect, useRef } from 'react';
import type { PreflightReport } from '../../../../shared/service/types';
import { TableHead } from '../../components/TableHead';
import { formatCount, formatDuration } from '../../format/formatDuration';
import { humaniseName } from '../../format/labels';

export function PreflightResult({ report }: { report: PreflightReport }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Bring the result into view (and to screen readers) when a test finishes.
  useEffect(() => headingRef.current?.focus(), [report]);
  return (
    <section className="panel" aria-labelledby="preflight-heading">
      <h2 id="preflight-heading" ref={headingRef} tabIndex={-1}>
        Connection test: {report.orgUrl}
      </h2>
      {report.unreachable ? (
        <Unreachable unreachable={report.unreachable} />
      ) : (
        <>
          <PreflightVerdict report={report} />
          <ReadableKindsTable checks={report.checks} />
          {report.estimate && <PullEstimate estimate={report.estimate} />}
        </>
      )}
    </section>
  );
}

/** Said once: the org could not be reached, so none of the checks ran (and nothing was saved). */
function Unreachable({ unreachable }: { unreachable: NonNullable<PreflightReport['unreachable']> }) {
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">Could not connect to this org. Nothing was saved.</p>
      <p className="alert-detail">{unreachable.message}</p>
      <p className="alert-detail">Not checked, because the org could not be reached:</p>
      <ul aria-label="Checks not run">
        {unreachable.checksNotRun.map((kind) => (
          <li key={kind}>{humaniseName(kind)}</li>
        ))}
      </ul>
    </div>
  );
}

function PreflightVerdict({ report }: { report: PreflightReport }) {
  const unreadable = report.checks.filter((check) => !check.readable);
  if (report.ok) {
    return (
      <p className="text-success" role="status">
        Okta Prep can read everything it needs.
      </p>
    );
  }
  if (unreadable.length === report.checks.length) {
    return (
      <div className="alert alert-error" role="alert">
        <p className="alert-title">Okta Prep cannot read anything with this connection.</p>
        <p className="alert-detail">{unreadable[0]?.detail}</p>
      </div>
    );
  }
  return (
    <div className="alert alert-warning" role="alert">
      <p className="alert-title">Some objects cannot be read; the export will be missing them.</p>
    </div>
  );
}

function ReadableKindsTable({ checks }: { checks: PreflightReport['checks'] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">What this connection can read</caption>
      <TableHead titles={['Object', 'Readable', 'If not readable, the export loses']} />
      <tbody>
        {checks.map((check) => (
          <tr key={check.objectKind}>
            <th scope="row">{humaniseName(check.objectKind)}</th>
            <td>
              {check.readable ? (
                <span className="badge badge-complete">readable</span>
              ) : (
                <span className="badge badge-failed">not readable</span>
              )}
            </td>
            <td>
              {check.readable ? '—' : check.consequence}
              {!check.readable && check.detail && <div className="muted">{check.detail}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PullEstimate({ estimate }: { estimate: NonNullable<PreflightReport['estimate']> }) {
  const cost = ({ requests, seconds }: { requests: number; seconds: number }) =>
    `${formatCount(requests)} requests and ${formatDuration(seconds * 1000)}`;
  return (
    <p>
      A full pull needs about {formatCount(estimate.requests)} requests and takes about{' '}
      {formatDuration(estimate.seconds * 1000)}; with MFA factors about {cost(estimate.withFactors)}. Reading every
      group&apos;s members and roles whatever Okta&apos;s group counts say: about {cost(estimate.readingEveryGroup)}.
    </p>
  );
}
