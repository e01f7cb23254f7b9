// A child process of the validation bench: papaparse's streaming API reading CSV files and doing nothing with the
// rows (a step callback that only counts), then the count as JSON. Plain JavaScript, so no TypeScript loader is
// timed with it.
import fs from 'node:fs';
import Papa from 'papaparse';

let rows = 0;
for (const file of process.argv.slice(2)) {
  await new Promise((resolve, reject) => {
    // papaparse's own way of reading a Node stream (fs's default 64 KiB chunks); the separator is known.
    Papa.parse(fs.createReadStream(file), {
      delimiter: ',',
      step: () => void rows++,
      complete: resolve,
      error: reject,
    });
  });
}
process.stdout.write(`${JSON.stringify({ rows })}\n`);
