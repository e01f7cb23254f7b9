// The audit report: one self-contained HTML file a client can be handed. Everything is inline (style, SVG charts);
// there is no script and nothing to fetch, and its Content-Security-Policy forbids both in case a value slipped
// through. Every value is escaped by the templates (html.ts). The figures come from aggregate queries and the
// findings and comparison from the same queries as their CSV exports, printed up to a cap per rule and per change.
import { createHash } from 'node:crypto';
import type { AuditThresholds } from '../../../../shared/audit/auditTypes';
import type { Db } from '../../store/openDatabase';
import { getSnapshot } from '../../store/snapshots';
import { auditSnapshot } from '../auditSnapshot';
import { html, SafeHtml } from './html';
import { reportCompare } from './reportCompare';
import { compareSection } from './reportCompareSection';
import { reportCounts } from './reportCounts';
import { reportFindings } from './reportFindings';
import { findingsSection } from './reportFindingsSection';
import { charts, headlineCounts, snapshotHeader } from './reportOverview';
import { REPORT_CSS } from './reportStyles';
import { writeReportFile } from './writeReportFile';

export interface AuditReportOptions {
  /** The snapshot reported on; the latest complete one when left out. */
  snapshotId?: number;
  /** Adds what changed from this snapshot to the reported one. */
  compareSnapshotId?: number;
  thresholds?: Partial<AuditThresholds>;
  appVersion: string;
  generatedAt?: Date;
}

export interface AuditReport {
  html: string;
  snapshotId: number;
  compareSnapshotId: number | null;
  findings: number;
}

// The style element is built as one string (formatters re-indent template markup) so its hash matches its content.
const STYLE_ELEMENT = new SafeHtml(`<style>${REPORT_CSS}</style>`);
const CSS_HASH = createHash('sha256').update(REPORT_CSS).digest('base64');
// Nothing may load or run: no script, no font, no image, no frame, no form; the one style block is allowed by hash.
const CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src 'sha256-${CSS_HASH}'; ` + `base-uri 'none'; form-action 'none'`;

function page(title: string, body: SafeHtml): string {
  const document = html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
      <meta name="referrer" content="no-referrer" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      ${STYLE_ELEMENT}
    </head>
    <body>
      <main>${body}</main>
    </body>
  </html>`;
  return `<!doctype html>\n${document.markup}\n`;
}

export function buildAuditReport(db: Db, options: AuditReportOptions): AuditReport {
  const snapshot = auditSnapshot(db, options.snapshotId);
  const info = getSnapshot(db, snapshot.id)!;
  const compare =
    options.compareSnapshotId === undefined
      ? undefined
      : reportCompare(db, { from: options.compareSnapshotId, to: snapshot.id });
  const findings = reportFindings(db, snapshot, options.thresholds ?? {});
  const counts = reportCounts(db, snapshot.id);
  const generatedAt = (options.generatedAt ?? new Date()).toISOString();
  const body = html`${snapshotHeader(info, generatedAt, options.appVersion)} ${headlineCounts(counts, findings)}
    ${charts(counts, findings)} ${findingsSection(findings)} ${compare ? compareSection(compare) : ''}
    <footer>
      <p>
        Every finding is in <code>okta-prep findings --snapshot ${snapshot.id} --out findings.csv</code>${
          compare
            ? html`, every change in
                <code>okta-prep diff ${compare.summary.from.id} ${snapshot.id} --out diff.csv</code>`
            : ''
        }.
        Read offline from the snapshot; nothing in this file loads from the network.
      </p>
    </footer>`;
  return {
    html: page(`Okta audit report: ${info.orgUrl}, snapshot ${snapshot.id}`, body),
    snapshotId: snapshot.id,
    compareSnapshotId: options.compareSnapshotId ?? null,
    findings: findings.total,
  };
}

/** Builds the report and writes it (0600, atomically); the report is checked whole before any file is made. */
export async function writeAuditReport(db: Db, file: string, options: AuditReportOptions) {
  const report = buildAuditReport(db, options);
  const written = await writeReportFile(file, report.html);
  return {
    ...written,
    snapshotId: report.snapshotId,
    compareSnapshotId: report.compareSnapshotId,
    findings: report.findings,
  };
}
