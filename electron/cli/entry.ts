// The okta-prep command as a process: runs the CLI with this process's arguments, output and signals.
// Ctrl-C cancels a running pull cleanly (the snapshot is marked cancelled and can be resumed).
import { processOutput } from './cliOutput';
import { startLoopDelayReport } from './loopDelayReport';
import { runCli } from './main';

const reportLoopDelay = startLoopDelayReport(process.env);

/**
 * How long a command stopped by a signal may take to exit by itself once it has cleaned up. A file-system call it
 * stopped waiting for (a stuck drive, a FIFO) still holds a libuv thread, which keeps the process alive and would even
 * make process.exit() wait for it; the signal is then raised again with its default action, which ends the process
 * at once, as an unhandled SIGTERM does.
 */
const EXIT_GRACE_MS = 1000;

const controller = new AbortController();
let stoppedBy: NodeJS.Signals | undefined;
const stopOn = (signal: NodeJS.Signals, reason: string) =>
  process.once(signal, () => {
    stoppedBy = signal;
    controller.abort(new Error(reason));
  });
stopOn('SIGINT', 'cancelled by Ctrl-C');
stopOn('SIGTERM', 'cancelled by SIGTERM');
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: processOutput(),
  signal: controller.signal,
});
reportLoopDelay();
// process.once removed the listener, so the signal's default action (end the process) is back in place.
if (stoppedBy) setTimeout(() => process.kill(process.pid, stoppedBy), EXIT_GRACE_MS).unref();
