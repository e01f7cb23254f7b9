// papaparse — the CSV library the product is specified with — as the reference our reader is compared against: its
// rows, and the rows where it reports a quoting error.
import Papa from 'papaparse';

export interface ReferenceParse {
  rows: string[][];
  /** Index (0-based, among all rows) of each row papaparse reports a quoting error on. */
  quoteErrorRows: number[];
  linebreak: string;
}

/** Parses `text` as BalkanID files are (comma separator); the empty row papaparse adds after a final line end goes. */
export function papaparseRows(text: string): ReferenceParse {
  const result = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  const rows = result.data;
  if (rows.length > 0 && /(\r\n|\n|\r)$/.test(text) && rows.at(-1)!.length === 1 && rows.at(-1)![0] === '') rows.pop();
  const quoteErrorRows = result.errors.filter((error) => error.type === 'Quotes').map((error) => error.row ?? -1);
  return { rows, quoteErrorRows: [...new Set(quoteErrorRows)], linebreak: result.meta.linebreak };
}
