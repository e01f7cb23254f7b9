// The report's comparison: counts per kind (added, removed, status changed), then the first rows of each change; the
// rest are counted and left to `okta-prep diff`.
import {
  DIFF_KIND_LABELS,
  type DiffPage,
  type DiffRow,
  describeDiffSnapshot,
} from '../../../../shared/audit/snapshotDiff';
import { html, type SafeHtml } from './html';
import { figure, moreNote } from './reportFigures';
import type { ReportCompare } from './reportCompare';

function named(type: string | null, id: string | null, name: string | null): SafeHtml | '' {
  if (id === null) return '';
  return html`${type ?? ''} <strong>${name ?? ''}</strong> <code>${id}</code>`;
}

function diffRow(row: DiffRow): SafeHtml {
  const what = row.change === 'changed' ? `${row.before} → ${row.after}` : (row.detail ?? '');
  return html`<tr data-diff="${row.kind}.${row.change}" data-principal-id="${row.principalId}">
    <td>${named(row.principalType, row.principalId, row.principalName)}</td>
    <td>${named(row.targetType, row.targetId, row.targetName)}</td>
    <td>${what}</td>
  </tr>`;
}

function changePage(page: DiffPage, pair: string): SafeHtml {
  const labels = DIFF_KIND_LABELS[page.kind];
  const verb = page.change === 'changed' ? 'changed status' : labels[page.change];
  const whereAll = html`<code>okta-prep diff ${pair} --out diff.csv</code> writes every row`;
  return html`<table class="diff">
      <caption>
        ${labels.label} ${verb} (${page.total})
      </caption>
      <thead>
        <tr>
          <th scope="col">Who or what</th>
          <th scope="col">Holds</th>
          <th scope="col">${page.change === 'changed' ? 'Status' : 'Detail'}</th>
        </tr>
      </thead>
      <tbody>
        ${page.rows.map(diffRow)}
      </tbody>
    </table>
    ${moreNote(page.rows.length, page.total, whereAll)}`;
}

function countsTable({ summary }: ReportCompare): SafeHtml {
  const cell = (key: string, value: number | null) =>
    html`<td class="number">${value === null ? '—' : figure(`diff.${key}`, value)}</td>`;
  return html`<table class="counts">
    <caption>
      Changes per kind
    </caption>
    <thead>
      <tr>
        <th scope="col">kind</th>
        <th scope="col" class="number">added or gained</th>
        <th scope="col" class="number">removed or lost</th>
        <th scope="col" class="number">status changed</th>
      </tr>
    </thead>
    <tbody>
      ${summary.counts.map(
        (count) =>
          html`<tr>
            <th scope="row">${DIFF_KIND_LABELS[count.kind].label}</th>
            ${cell(`${count.kind}.added`, count.added)}${cell(`${count.kind}.removed`, count.removed)}
            ${cell(`${count.kind}.changed`, count.changed)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function compareSection(compare: ReportCompare): SafeHtml {
  const { from, to, notes } = compare.summary;
  const pair = `${from.id} ${to.id}`;
  return html`<section id="comparison" aria-labelledby="compare-heading">
    <h2 id="compare-heading">What changed</h2>
    <p>From ${describeDiffSnapshot(from)} to ${describeDiffSnapshot(to)}.</p>
    ${
      notes.length === 0
        ? ''
        : html`<ul class="notice">
            ${notes.map((note) => html`<li>${note}</li>`)}
          </ul>`
    }
    ${countsTable(compare)}
    ${compare.pages.length === 0 ? html`<p>No differences.</p>` : compare.pages.map((page) => changePage(page, pair))}
  </section>`;
}
