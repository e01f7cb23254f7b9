// Waits until the command is stopped (Ctrl-C, SIGTERM: the signal bin/okta-prep.mjs aborts), for commands that serve.

export function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}
