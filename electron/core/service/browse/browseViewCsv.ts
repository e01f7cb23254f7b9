// "Export this view to CSV": every row of a Browse view (its search, filters and sort), in the columns shown, read a
// page at a time as the file is sent, with the values as stored (ids, ISO timestamps) for other tools to read.
import type { BrowsePageParams } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { quoteForMessage } from '../paramValidators';
import { ServiceFailure } from '../serviceFailure';
import { browsePage } from './browseTables';

const PAGE_ROWS = 1000;

export interface BrowseViewCsv {
  fileName: string;
  header: string[];
  rows: Iterable<string[]>;
}

function cellText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function* viewRows(db: Db, params: BrowsePageParams, columns: string[]): Generator<string[]> {
  for (let offset = 0; ; offset += PAGE_ROWS) {
    const page = browsePage(db, { ...params, offset, limit: PAGE_ROWS });
    for (const row of page.rows) yield columns.map((column) => cellText(row[column]));
    if (page.rows.length < PAGE_ROWS || offset + PAGE_ROWS >= page.total) return;
  }
}

/** The CSV of a view; the query and columns are checked (by reading its first row) before anything is sent. */
export function browseViewCsv(db: Db, params: BrowsePageParams & { columns?: string[] }): BrowseViewCsv {
  const { columns: asked, ...query } = params;
  const first = browsePage(db, { ...query, offset: 0, limit: 1 });
  const columns = asked && asked.length > 0 ? asked : first.columns;
  const unknown = columns.find((column) => !first.columns.includes(column));
  if (unknown !== undefined)
    throw new ServiceFailure(
      'BAD_INPUT',
      `unknown column ${quoteForMessage(unknown)} for ${params.table}: export one of ${first.columns.join(', ')}`,
    );
  return {
    fileName: `${params.table}-snapshot-${params.snapshotId}.csv`,
    header: columns,
    rows: viewRows(db, query, columns),
  };
}
