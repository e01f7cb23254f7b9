// Claims a snapshot for this process before pulling into it, refusing one that another live process on this
// machine is still pulling (a crashed or killed pull leaves "running" behind with a pid that no longer exists).
import os from 'node:os';
import type { Db } from '../store/openDatabase';

export function thisRunner(): string {
  return `${os.hostname()}:${process.pid}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Whether a runner ("host:pid") is a live process on this machine (a killed or crashed pull's is not). */
export function runnerIsLive(runner: string | null): boolean {
  if (!runner) return false;
  const cut = runner.lastIndexOf(':');
  const pid = Number(runner.slice(cut + 1));
  return runner.slice(0, cut) === os.hostname() && Number.isInteger(pid) && pid > 0 && isAlive(pid);
}

/** Marks the snapshot running under this process; throws when another live local process is pulling into it. */
export function claimSnapshot(db: Db, snapshotId: number): void {
  db.transaction(() => {
    const row = db.prepare(`SELECT status, runner FROM snapshots WHERE id = ?`).get(snapshotId) as
      { status: string; runner: string | null } | undefined;
    if (row?.status === 'running' && row.runner !== thisRunner() && runnerIsLive(row.runner)) {
      const pid = row.runner!.slice(row.runner!.lastIndexOf(':') + 1);
      throw new Error(
        `snapshot ${snapshotId} is being pulled right now by process ${pid} on this machine: wait for it to ` +
          `finish, or stop it, then resume`,
      );
    }
    db.prepare(
      `UPDATE snapshots SET status = 'running', finished_at = NULL, error_message = NULL, runner = ? WHERE id = ?`,
    ).run(thisRunner(), snapshotId);
  }).immediate();
}
