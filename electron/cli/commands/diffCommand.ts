// `okta-prep diff [--db FILE] A B [--json] [--out FILE]`: what changed from snapshot A to snapshot B, per kind, with
// the first rows of each change; --out writes every row as CSV (0600, atomically).
import path from 'node:path';
import { DIFF_CSV_HEADER, diffRowCells } from '../../../shared/audit/snapshotDiff';
import { firstDiffPages } from '../../core/audit/diff/firstDiffPages';
import { allDiffRows, diffSummary, SnapshotDiffError } from '../../core/audit/diff/snapshotDiff';
import { writeCsvFileAtomically } from '../../core/balkanid/atomicCsvFile';
import type { Db } from '../../core/store/openDatabase';
import { parsePositiveInteger, type CliValues } from '../cliArgs';
import { CliError, EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { formatSnapshotDiff } from '../formatSnapshotDiff';
import { openCache } from '../openCache';

/** Rows shown per change in the text and JSON output; the CSV has them all. */
export const DIFF_ROWS_SHOWN = 20;

async function writeDiffCsv(db: Db, pair: { from: number; to: number }, file: string) {
  try {
    const written = await writeCsvFileAtomically(path.resolve(file), DIFF_CSV_HEADER, mapRows(db, pair));
    return { path: written.path, rows: written.rows };
  } catch (error) {
    throw new CliError(`${(error as Error).message}. Choose another --out FILE.`, EXIT.local);
  }
}

function* mapRows(db: Db, pair: { from: number; to: number }) {
  for (const row of allDiffRows(db, pair)) yield diffRowCells(row);
}

export async function runDiffCommand(
  positionals: string[],
  values: CliValues,
  context: CliEnvironment,
): Promise<ExitCode> {
  if (positionals.length !== 2)
    throw usageError('diff needs two snapshot ids, the older first: okta-prep diff A B (see "okta-prep snapshots")');
  const pair = {
    from: parsePositiveInteger(positionals[0], 'snapshot A')!,
    to: parsePositiveInteger(positionals[1], 'snapshot B')!,
  };
  const db = openCache(values, context, 'read');
  try {
    const summary = diffSummary(db, pair);
    const pages = firstDiffPages(db, pair, summary, DIFF_ROWS_SHOWN);
    const csv = values.out === undefined ? undefined : await writeDiffCsv(db, pair, values.out);
    if (values.json) context.out.json({ ...summary, details: pages, ...(csv && { csv }) });
    else context.out.result(formatSnapshotDiff(summary, pages, csv));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SnapshotDiffError) throw new CliError(error.message, EXIT.usage);
    throw error;
  } finally {
    db.close();
  }
}
