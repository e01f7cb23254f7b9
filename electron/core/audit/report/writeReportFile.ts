// Writes the report as a private file (0600) that appears only when whole: into a temp file beside the target, synced,
// then renamed over it. A failure leaves no temp file and the old report (if any) as it was.
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { tempPathFor } from '../../balkanid/exportTempNames';
import { PRIVATE_FILE_MODE } from '../../files/privateModes';

export async function writeReportFile(file: string, content: string): Promise<{ path: string; bytes: number }> {
  const target = path.resolve(file);
  const temp = tempPathFor(target);
  const bytes = Buffer.from(content, 'utf8');
  const handle = await open(temp, 'wx', PRIVATE_FILE_MODE).catch((error: unknown) => {
    throw new Error(`cannot create ${target}: ${describe(error, path.dirname(target))}`, { cause: error });
  });
  try {
    // The mode given to open is reduced by the umask; chmod sets it exactly.
    if (process.platform !== 'win32') await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new Error(`cannot write ${target}: ${(error as Error).message}`, { cause: error });
  }
  return { path: target, bytes: bytes.length };
}

function describe(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the folder ${folder} does not exist`;
  if (code === 'EACCES' || code === 'EPERM') return `no permission to write in ${folder}`;
  if (code === 'ENOTDIR') return `${folder} is not a folder`;
  return (error as Error).message;
}
