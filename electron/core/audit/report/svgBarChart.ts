// Horizontal bar charts as inline SVG, drawn here (no script, no library, nothing fetched): each bar carries its
// label and its number as text, so the chart reads without colour, and the SVG has a title and a description listing
// every value for screen readers.
import { formatCount, html, type SafeHtml } from './html';
import type { CountRow } from './reportCounts';

export interface BarChart {
  /** Unique in the page: the title and description are referenced by id. */
  id: string;
  title: string;
  rows: readonly CountRow[];
  /** Said when every count is zero or there are no rows. */
  emptyText: string;
}

const WIDTH = 640;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const MAX_LABEL_CHARS = 34;
const NUMBER_ROOM = 70;

/** A label's width in the chart's 13px sans-serif, estimated generously (capitals and digits are wider). */
function textWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[A-Z0-9_@MW]/.test(character) ? 9.4 : 7.4;
  return width;
}

function shortLabel(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

function barRow(row: CountRow, index: number, labelWidth: number, scale: number): SafeHtml {
  const y = index * ROW_HEIGHT;
  const width = row.count === 0 ? 0 : Math.max(2, Math.round(row.count * scale));
  const textY = y + ROW_HEIGHT / 2 + 4;
  return html`<g>
    <text x="${labelWidth - 8}" y="${textY}" text-anchor="end" class="chart-label">${shortLabel(row.label)}</text>
    <rect
      x="${labelWidth}"
      y="${y + (ROW_HEIGHT - BAR_HEIGHT) / 2}"
      width="${width}"
      height="${BAR_HEIGHT}"
      rx="2"
      class="chart-bar"
    />
    <text x="${labelWidth + width + 6}" y="${textY}" class="chart-value">${formatCount(row.count)}</text>
  </g>`;
}

export function svgBarChart(chart: BarChart): SafeHtml {
  const rows = chart.rows;
  const max = Math.max(0, ...rows.map((row) => row.count));
  const description =
    rows.length === 0 || max === 0
      ? chart.emptyText
      : rows.map((row) => `${row.label}: ${formatCount(row.count)}`).join('; ');
  const labelWidth = Math.round(Math.max(40, ...rows.map((row) => textWidth(shortLabel(row.label))))) + 12;
  const scale = max === 0 ? 0 : (WIDTH - labelWidth - NUMBER_ROOM) / max;
  const height = Math.max(1, rows.length) * ROW_HEIGHT;
  return html`<figure class="chart">
    <figcaption id="${chart.id}-caption">${chart.title}</figcaption>
    <svg
      role="img"
      aria-labelledby="${chart.id}-title ${chart.id}-desc"
      viewBox="0 0 ${WIDTH} ${height}"
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="${chart.id}-title">${chart.title}</title>
      <desc id="${chart.id}-desc">${description}</desc>
      ${
        max === 0
          ? html`<text x="0" y="${ROW_HEIGHT / 2 + 4}" class="chart-label">${chart.emptyText}</text>`
          : rows.map((row, index) => barRow(row, index, labelWidth, scale))
      }
    </svg>
  </figure>`;
}
