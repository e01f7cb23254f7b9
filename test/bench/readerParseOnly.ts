// A child process of the validation bench (bundled first, so no TypeScript loader is timed): the validator's own
// reader reading CSV files and doing nothing with the rows, then the count as JSON.
import { openCsvSource, readCsvRows } from '../../electron/core/balkanid/validator/readCsvRecords';

let rows = 0;
for (const file of process.argv.slice(2)) {
  const opened = await openCsvSource({ path: file }, 'bench');
  await readCsvRows(opened.chunks, { onByteIssue: () => undefined, onRow: () => void rows++ });
  await opened.close();
}
process.stdout.write(`${JSON.stringify({ rows })}\n`);
