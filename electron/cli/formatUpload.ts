// Upload and bundle-check output for people: progress lines, notes on retries, the result, and a bundle's findings.
import type { BundleCheckReport } from '../../shared/balkanid/bundleCheck';
import { describeUploadNote, type UploadEvent, type UploadResult } from '../../shared/balkanid/bundleUpload';
import { formatBytes } from '../../shared/formatBytes';
import type { CliOutput } from './cliOutput';

/** Progress goes to the live line; retries and fresh URLs are worth a note of their own. */
export function reportUploadEvent(event: UploadEvent, out: CliOutput): void {
  switch (event.stage) {
    case 'checking':
      return out.progress(`checking the bundle in ${event.dir}…`);
    case 'requesting-url':
      return out.progress(`${event.file}: asking BalkanID for an upload URL…`);
    case 'sending': {
      const percent = event.totalBytes > 0 ? Math.floor((event.sentBytes / event.totalBytes) * 100) : 100;
      const of = `${formatBytes(event.sentBytes)} of ${formatBytes(event.totalBytes)}`;
      return out.progress(`${event.file}: uploading ${of} (${percent}%)`);
    }
    case 'retrying':
    case 'fresh-url':
      return out.note(`note: ${describeUploadNote(event)}`);
    case 'stored':
      return out.progress(`${event.file}: sent (${formatBytes(event.bytes)})`);
  }
}

export function describeUpload(result: UploadResult): string {
  const lines = [
    `uploaded the bundle in ${result.dir} to ${result.baseUrl} (${(result.elapsedMs / 1000).toFixed(1)} s)`,
  ];
  for (const file of result.files) {
    const tries = file.attempts > 1 ? `, ${file.attempts} attempts` : '';
    const fresh = file.freshUrls > 0 ? `, ${file.freshUrls} fresh URL` : '';
    lines.push(`  ${file.name} → ${file.endpoint}: ${file.rows} rows, ${formatBytes(file.bytes)}${tries}${fresh}`);
  }
  for (const skipped of result.skipped) lines.push(`  not sent: ${skipped.name} (${skipped.reason})`);
  return lines.join('\n');
}

export function describeBundleCheck(report: BundleCheckReport): string {
  const lines = [
    report.ok
      ? `ready to upload: the bundle in ${report.dir} matches its manifest`
      : `NOT READY: the bundle in ${report.dir} cannot be uploaded (${report.findings.length} finding(s))`,
  ];
  for (const file of report.files)
    lines.push(
      `  ${file.name}: ${file.rows} rows, ${formatBytes(file.bytes)}${file.matches ? '' : ' — does not match'}`,
    );
  for (const finding of report.findings) lines.push(`  ${finding.message}\n    fix: ${finding.fix}`);
  return lines.join('\n');
}
