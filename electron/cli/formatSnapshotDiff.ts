// Text form of a snapshot comparison: a table of counts per kind, then the first rows of each change, then notes.
import {
  DIFF_KIND_LABELS,
  type DiffPage,
  type DiffRow,
  describeDiffSnapshot,
  type DiffSummary,
} from '../../shared/audit/snapshotDiff';

function countsTable(summary: DiffSummary): string[] {
  const cell = (value: number | null) => String(value ?? '-').padStart(8);
  return [
    `${'kind'.padEnd(24)}${'added'.padStart(8)}${'removed'.padStart(8)}${'changed'.padStart(8)}`,
    ...summary.counts.map(
      (count) =>
        `${DIFF_KIND_LABELS[count.kind].label.padEnd(24)}${cell(count.added)}${cell(count.removed)}` +
        `${cell(count.changed)}`,
    ),
  ];
}

const named = (id: string | null, name: string | null) => (name ? `${id} (${name})` : `${id}`);

export function describeDiffRow(row: DiffRow): string {
  const sign = { added: '+', removed: '-', changed: '~' }[row.change];
  const principal = `${row.principalType} ${named(row.principalId, row.principalName)}`;
  if (row.change === 'changed') return `  ${sign} ${principal}: ${row.before} → ${row.after}`;
  const target = row.targetType ? ` → ${row.targetType} ${named(row.targetId, row.targetName)}` : '';
  return `  ${sign} ${principal}${target}${row.detail ? ` [${row.detail}]` : ''}`;
}

function describePage(page: DiffPage): string[] {
  const labels = DIFF_KIND_LABELS[page.kind];
  const verb = page.change === 'changed' ? 'changed status' : labels[page.change];
  const more = page.total - page.rows.length;
  return [
    `${labels.label} ${verb} (${page.total}):`,
    ...page.rows.map(describeDiffRow),
    ...(more > 0 ? [`  … and ${more} more (--out FILE writes every row as CSV)`] : []),
  ];
}

export function formatSnapshotDiff(summary: DiffSummary, pages: DiffPage[], csv?: { path: string; rows: number }) {
  const total = summary.counts.reduce((sum, count) => sum + count.added + count.removed + (count.changed ?? 0), 0);
  return [
    `${describeDiffSnapshot(summary.from)} → ${describeDiffSnapshot(summary.to)}, ${summary.from.orgUrl}`,
    ...countsTable(summary),
    ...(total === 0 ? ['no differences'] : []),
    ...pages.flatMap((page) => ['', ...describePage(page)]),
    ...(csv ? ['', `wrote ${csv.rows} rows to ${csv.path}`] : []),
    ...summary.notes.map((note) => `note: ${note}`),
  ].join('\n');
}
