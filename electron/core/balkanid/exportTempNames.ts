// Names of an export's temporary files: `.<final name>.<pid>-<random>.tmp` beside the final file. The pid says which
// process owns it, so a second export into the same folder can tell a live export's files from a killed one's.
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const TEMP_NAME = /^\.(.+)\.(?:(\d+)-)?[0-9a-f]+\.tmp$/;

/** A fresh, unique temporary path beside `finalPath` (pid + 12 random hex digits). */
export function tempPathFor(finalPath: string): string {
  return path.join(
    path.dirname(finalPath),
    `.${path.basename(finalPath)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, it is just not ours
  }
}

/**
 * True for a temporary file of one of `finalNames` whose process has gone (killed mid-export). Files of a running
 * process — this one included, whose other export jobs run in worker threads — are left alone. Names without a pid
 * come from an older version and count as abandoned.
 */
export function isAbandonedTempFile(
  name: string,
  finalNames: readonly string[],
  alive: (pid: number) => boolean = isProcessAlive,
): boolean {
  const match = TEMP_NAME.exec(name);
  if (!match || !finalNames.includes(match[1]!)) return false;
  return match[2] === undefined || !alive(Number(match[2]));
}
