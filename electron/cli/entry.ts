// The okta-prep command as a process: runs the CLI with this process's arguments, output and signals.
// Ctrl-C cancels a running pull cleanly (the snapshot is marked cancelled and can be resumed).
import { processOutput } from './cliOutput';
import { startLoopDelayReport } from './loopDelayReport';
import { runCli } from './main';

const reportLoopDelay = startLoopDelayReport(process.env);
const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('cancelled by Ctrl-C')));
process.once('SIGTERM', () => controller.abort(new Error('cancelled by SIGTERM')));
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: processOutput(),
  signal: controller.signal,
});
reportLoopDelay();
