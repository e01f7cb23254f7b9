// Where a worker thread's code is. The command and the desktop app run bundles (dist/cli, dist/electron) with each
// worker bundled beside them as `<name>.js` (scripts/runtimeBundles.mjs lists them); tests and the bench run the
// TypeScript sources, where the worker starts through a bootstrap that registers a TypeScript loader first.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** True when this module runs as TypeScript source (tests, bench), false inside a compiled bundle. */
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * Starts the worker `name` (its bundle name in WORKER_ENTRIES) whose source is `sourceUrl`. The source URL is only
 * used when running from source; a bundle finds its worker beside itself.
 */
export function startWorker(name: string, sourceUrl: URL, options: WorkerOptions = {}): Worker {
  if (!RUNNING_FROM_SOURCE) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  return new Worker(new URL('./typescriptWorkerBootstrap.mjs', import.meta.url), {
    ...options,
    argv: [sourceUrl.href, ...((options.argv ?? []) as unknown[])],
  });
}
