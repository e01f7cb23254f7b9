// Types of runtimeBundles.mjs for the tests that call it.
import type { BuildOptions, Metafile } from 'esbuild';

export const ROOT: string;
export const WORKER_ENTRIES: { name: string; source: string }[];
export function cliBundles(outdir?: string): BuildOptions[];
export function workerBundles(outdir: string): BuildOptions[];
export function electronBundles(outdir?: string): BuildOptions[];
export function rendererImportGraph(): BuildOptions;
export function buildChecked(bundles: BuildOptions[], options?: { write?: boolean }): Promise<void>;
export function devOnlyImports(
  metafile: Metafile,
  entry: string,
  packageJson?: { devDependencies?: Record<string, string> },
): string[];
