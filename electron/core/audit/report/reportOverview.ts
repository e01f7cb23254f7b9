// The report's opening: which org and snapshot, what the snapshot lacks, the headline counts and the charts.
import type { SnapshotInfo } from '../../store/snapshots';
import { formatCount, html, type SafeHtml } from './html';
import { countTable, figure } from './reportFigures';
import type { ReportCounts } from './reportCounts';
import { SEVERITIES, type ReportFindings } from './reportFindings';
import { svgBarChart } from './svgBarChart';

/** Roles beyond this many are summed into one bar (an org may define dozens of custom roles). */
const ROLE_BARS = 12;
const ADMINS_CAPTION = 'Admins by role (users holding it, directly or through a group)';

export function snapshotHeader(snapshot: SnapshotInfo, generatedAt: string, appVersion: string): SafeHtml {
  const gaps =
    snapshot.gaps.length === 0
      ? ''
      : html`<div class="notice" role="note">
          <p><strong>This snapshot is incomplete:</strong> figures for these kinds may be lower than in Okta.</p>
          <ul>
            ${snapshot.gaps.map((gap) => html`<li>${gap.objectKind}: ${gap.message}</li>`)}
          </ul>
        </div>`;
  return html`<header>
    <h1>Okta audit report</h1>
    <dl class="facts">
      <dt>Org</dt>
      <dd data-fact="org">${snapshot.orgUrl}</dd>
      <dt>Snapshot</dt>
      <dd data-fact="snapshot">${snapshot.id}</dd>
      <dt>Pulled</dt>
      <dd>
        <time datetime="${snapshot.startedAt}">${snapshot.startedAt}</time>
        ${snapshot.finishedAt ? html` to <time datetime="${snapshot.finishedAt}">${snapshot.finishedAt}</time>` : ''}
        (${snapshot.status}${snapshot.baseSnapshotId === null ? '' : `, quick refresh of ${snapshot.baseSnapshotId}`})
      </dd>
      <dt>Factors</dt>
      <dd>${snapshot.includeFactors ? 'pulled' : 'not pulled'}</dd>
      <dt>Report written</dt>
      <dd><time datetime="${generatedAt}">${generatedAt}</time> by Okta Prep ${appVersion}</dd>
    </dl>
    ${gaps}
  </header>`;
}

export function headlineCounts(counts: ReportCounts, findings: ReportFindings): SafeHtml {
  const tile = (label: string, key: string, count: number) =>
    html`<li><span class="tile-label">${label}</span> ${figure(key, count)}</li>`;
  return html`<section aria-labelledby="counts-heading">
    <h2 id="counts-heading">In numbers</h2>
    <ul class="tiles">
      ${tile('Users', 'users', counts.users)}${tile('Groups', 'groups', counts.groups)}
      ${tile('Apps', 'apps', counts.apps)}${tile('Admin roles', 'admin-roles', counts.adminRoles)}
      ${tile('Findings', 'findings', findings.total)}
      ${SEVERITIES.map((severity) =>
        tile(
          `${severity[0]!.toUpperCase()}${severity.slice(1)} findings`,
          `findings.severity.${severity}`,
          findings.bySeverity[severity],
        ),
      )}
    </ul>
    <div class="tables">
      ${countTable('Users by status', 'status', 'users.status', counts.usersByStatus)}
      ${countTable('Apps by status', 'status', 'apps.status', counts.appsByStatus)}
      ${countTable('Relations by kind', 'kind', 'relations', counts.relationsByKind)}
    </div>
  </section>`;
}

function topRoles(counts: ReportCounts) {
  const rows = counts.adminsByRole;
  if (rows.length <= ROLE_BARS) return rows;
  const rest = rows.slice(ROLE_BARS - 1);
  const others = { key: 'other', label: `${rest.length} other roles`, count: 0 };
  for (const row of rest) others.count += row.count;
  return [...rows.slice(0, ROLE_BARS - 1), others];
}

export function charts(counts: ReportCounts, findings: ReportFindings): SafeHtml {
  const findingRows = findings.rules.map((entry) => ({ key: entry.rule.id, label: entry.rule.id, count: entry.total }));
  return html`<section aria-labelledby="charts-heading">
    <h2 id="charts-heading">At a glance</h2>
    <div class="charts">
      ${svgBarChart({ id: 'chart-users', title: 'Users by status', rows: counts.usersByStatus, emptyText: 'No users' })}
      ${svgBarChart({
        id: 'chart-access',
        title: 'Access paths by kind',
        rows: counts.accessPathsByKind,
        emptyText: 'No access paths',
      })}
      ${svgBarChart({
        id: 'chart-admins',
        title: `Admins by role (${formatCount(counts.adminsByRole.length)} roles held)`,
        rows: topRoles(counts),
        emptyText: 'No admin role is held by any user',
      })}
      ${svgBarChart({ id: 'chart-findings', title: 'Findings by rule', rows: findingRows, emptyText: 'No findings' })}
    </div>
    <div class="tables">
      ${countTable('Access paths by kind (rows of the access CSV)', 'kind', 'access', counts.accessPathsByKind)}
      ${countTable(ADMINS_CAPTION, 'role', 'admins', counts.adminsByRole)}
    </div>
  </section>`;
}
