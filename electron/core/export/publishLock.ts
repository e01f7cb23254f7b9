// One export at a time renames its files into a folder: a lock file (`.okta-prep-export.lock`, holding the pid) keeps
// two exports into the same folder at once from leaving one's entities.csv beside the other's manifest.json.
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '../balkanid/exportTempNames';

export const PUBLISH_LOCK_NAME = '.okta-prep-export.lock';
const RETRY_MS = 25;

/**
 * A lock whose process has gone (killed while publishing) is taken over; an unreadable or half-written one is waited
 * on.
 */
async function holderHasGone(lockPath: string): Promise<boolean> {
  const text = await fs.readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number(text);
  return text !== '' && Number.isSafeInteger(pid) && !isProcessAlive(pid);
}

async function acquire(lockPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx', mode: 0o644 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await holderHasGone(lockPath)) {
      await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `another export is still renaming its files into ${path.dirname(lockPath)}: wait for it and export ` +
          `again (if no export is running, delete ${lockPath})`,
      );
    }
    await sleep(RETRY_MS);
  }
}

/** Runs `publish` while holding the folder's publish lock. */
export async function withPublishLock<T>(folder: string, publish: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const lockPath = path.join(folder, PUBLISH_LOCK_NAME);
  await acquire(lockPath, timeoutMs);
  try {
    return await publish();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}
