// One export at a time renames its files into a folder: a lock file (`.okta-prep-export.lock`, holding the pid) keeps
// two exports into the same folder at once from leaving one's entities.csv beside the other's manifest.json.
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '../balkanid/exportTempNames';
import { limitedStep, type FileStepLimit } from '../files/fileStepLimit';

export const PUBLISH_LOCK_NAME = '.okta-prep-export.lock';
const RETRY_MS = 25;

/**
 * A lock whose process has gone (killed while publishing) is taken over; an unreadable or half-written one is waited
 * on.
 */
async function holderHasGone(lockPath: string, limit: FileStepLimit | undefined): Promise<boolean> {
  // A lock name taken by something else (a FIFO blocks a read until someone writes): the time limit ends the wait.
  const text = await limitedStep(`reading the lock ${lockPath}`, () => fs.readFile(lockPath, 'utf8'), limit).catch(
    (error: unknown) => {
      if ((error as Error).name === 'FileStepTimeout' || limit?.signal?.aborted) throw error;
      return '';
    },
  );
  const pid = Number(text);
  return text !== '' && Number.isSafeInteger(pid) && !isProcessAlive(pid);
}

async function acquire(lockPath: string, timeoutMs: number, limit: FileStepLimit | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const write = () => fs.writeFile(lockPath, String(process.pid), { flag: 'wx', mode: 0o644 });
      await limitedStep(`creating the lock ${lockPath}`, write, limit);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await holderHasGone(lockPath, limit)) {
      await limitedStep(`removing the lock ${lockPath}`, () => fs.rm(lockPath, { force: true }), limit);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `another export is still renaming its files into ${path.dirname(lockPath)}: wait for it and export ` +
          `again (if no export is running, delete ${lockPath})`,
      );
    }
    await sleep(RETRY_MS, undefined, { signal: limit?.signal });
  }
}

/** Runs `publish` while holding the folder's publish lock; `limit` bounds each file-system call on the lock. */
export async function withPublishLock<T>(
  folder: string,
  publish: () => Promise<T>,
  timeoutMs = 60_000,
  limit?: FileStepLimit,
): Promise<T> {
  const lockPath = path.join(folder, PUBLISH_LOCK_NAME);
  await acquire(lockPath, timeoutMs, limit);
  try {
    return await publish();
  } finally {
    const cleanUp = limit && { limitMs: limit.limitMs };
    await limitedStep(`removing the lock ${lockPath}`, () => fs.rm(lockPath, { force: true }), cleanUp);
  }
}
