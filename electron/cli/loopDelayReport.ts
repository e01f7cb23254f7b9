// With OKTA_PREP_REPORT_LOOP_DELAY=1 the command prints, when it ends, the longest stall of its main event loop to
// stderr: the benchmarks read it to check a long export keeps the main loop free (a desktop app's loop must be).
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const LOOP_DELAY_ENV = 'OKTA_PREP_REPORT_LOOP_DELAY';

/** Starts measuring when the variable asks for it; the returned function prints the figure (a no-op otherwise). */
export function startLoopDelayReport(env: NodeJS.ProcessEnv): () => void {
  if (env[LOOP_DELAY_ENV] !== '1') return () => undefined;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return () => {
    histogram.disable();
    process.stderr.write(`longest main-loop stall: ${(histogram.max / 1e6).toFixed(1)} ms\n`);
  };
}
