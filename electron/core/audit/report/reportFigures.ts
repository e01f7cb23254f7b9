// A figure of the report as markup that names what it counts (data-figure="users.status.ACTIVE"), so a reader's tools
// and the tests can find each number without scraping its wording.
import type { CountRow } from './reportCounts';
import { formatCount, html, type SafeHtml } from './html';

export function figure(key: string, count: number): SafeHtml {
  return html`<span class="figure" data-figure="${key}">${formatCount(count)}</span>`;
}

/** A two-column table of counted rows, each count a figure under `prefix.key`. */
export function countTable(caption: string, heading: string, prefix: string, rows: readonly CountRow[]): SafeHtml {
  return html`<table class="counts">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${heading}</th>
        <th scope="col" class="number">count</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            <th scope="row">${row.label}</th>
            <td class="number">${figure(`${prefix}.${row.key}`, row.count)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** "Showing 50 of 1,234": said under a list cut short, with where the whole list is. */
export function moreNote(shown: number, total: number, whereAll: SafeHtml): SafeHtml | '' {
  if (total <= shown) return '';
  return html`<p class="more">
    ${formatCount(total - shown)} more (showing ${formatCount(shown)} of ${formatCount(total)}) — ${whereAll}
  </p>`;
}
