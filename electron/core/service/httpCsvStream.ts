// Sends a CSV download over HTTP: the header and rows in the CLI's CSV dialect, in chunks that wait for the socket
// to drain, so memory stays flat at any size. A failure part-way destroys the response: the browser sees a failed
// download, never a short file that looks complete.
import type { ServerResponse } from 'node:http';
import { formatCsvRecord } from '../balkanid/csvDialect';
import { SECURITY_HEADERS } from './httpResponses';
import type { CsvDownload } from './csvDownloads';

/** Text gathered before each write (UTF-16 units). */
const CHUNK_CHARS = 64 * 1024;

/** Writes one chunk; resolves false when the client went away (then nothing more is made or sent). */
function write(res: ServerResponse, text: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(text)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (drained: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(drained);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

export async function streamCsv(res: ServerResponse, download: CsvDownload): Promise<void> {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${download.fileName}"`,
    'Cache-Control': 'no-store',
  });
  let chunk = formatCsvRecord(download.header);
  for (const cells of download.rows) {
    chunk += formatCsvRecord(cells);
    if (chunk.length < CHUNK_CHARS) continue;
    if (!(await write(res, chunk))) return;
    chunk = '';
  }
  if (await write(res, chunk)) res.end();
}
