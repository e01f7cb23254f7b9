// What the access and findings commands share: the snapshot to read, the --out file check, and audit errors worded
// as CLI errors (exit 2 for what the user can fix, 4 for a file that cannot be written).
import fs from 'node:fs';
import { AuditError, auditSnapshot, type AuditSnapshot } from '../../core/audit/auditSnapshot';
import type { Db } from '../../core/store/openDatabase';
import { parsePositiveInteger, type CliValues } from '../cliArgs';
import { EXIT, CliError, usageError } from '../cliErrors';

export function snapshotToAudit(db: Db, values: CliValues): AuditSnapshot {
  return asCliError(() => auditSnapshot(db, parsePositiveInteger(values.snapshot, '--snapshot')));
}

/** --out must name a file (its folder existing), not a folder: checked before any query runs. */
export function checkOutFile(out: string, example: string): void {
  if (out.trim() === '') throw usageError(`--out needs a file name, such as ${example}`);
  const stat = fs.statSync(out, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw usageError(`--out ${out} is a folder: give a file name, such as ${example}`);
}

export function asCliError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AuditError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

/** Writes the CSV; a failure names the file and leaves nothing behind (the writer removes its temp file). */
export async function writeOrFail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AuditError) throw new CliError(error.message, EXIT.usage);
    throw new CliError(`nothing was written: ${(error as Error).message}`, EXIT.local);
  }
}
