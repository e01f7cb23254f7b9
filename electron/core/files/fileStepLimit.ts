// A file-system step that cannot hang forever: it ends with a clear error after a time limit, and at once when the
// caller aborts. A step can block indefinitely on a stuck network drive, or when a name turns out to be a FIFO that
// nobody writes to (open() waits for a writer); the operation itself cannot be stopped once the OS has it, but the
// export stops waiting for it, so Cancel, SIGTERM and the time limit all still end the export.

/** How long one step may take, and the signal that cancels the wait. */
export interface FileStepLimit {
  limitMs: number;
  signal?: AbortSignal;
}

/** Long enough for a slow USB stick or network share to answer one call; far shorter than a user's patience. */
export const DEFAULT_FILE_STEP_LIMIT_MS = 60_000;

export class FileStepTimeout extends Error {
  override name = 'FileStepTimeout';
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/**
 * Runs `step` (one call such as mkdir, open, write, fsync, rename, readdir): its result, or a FileStepTimeout naming
 * `what` once `limit.limitMs` has passed, or the signal's reason as soon as it aborts. Without a limit it just runs.
 */
export async function limitedStep<T>(what: string, step: () => Promise<T>, limit?: FileStepLimit): Promise<T> {
  if (!limit) return step();
  limit.signal?.throwIfAborted();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new FileStepTimeout(
            `${what} did not finish within ${seconds(limit.limitMs)}: the disk or folder is not answering (a ` +
              'stuck network drive, or a special file such as a FIFO in the folder). Check it, or choose another ' +
              'folder, and export again',
          ),
        ),
      limit.limitMs,
    );
    onAbort = () => reject(limit.signal!.reason as Error);
    limit.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([step(), stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) limit.signal?.removeEventListener('abort', onAbort);
  }
}
