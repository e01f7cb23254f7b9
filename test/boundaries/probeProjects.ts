// Type-checks throw-away probe files as if they were part of a runtime's project, without touching the real tree:
// each probe project lives under .tmp/boundary-probes, extends the runtime's real tsconfig and references what it does.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const probesRoot = path.join(repoRoot, '.tmp', 'boundary-probes');
const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');

export interface ProbeProject {
  /** Folder name under .tmp/boundary-probes. */
  name: string;
  /** The runtime's real tsconfig, relative to the repository root (e.g. `electron/core/tsconfig.json`). */
  config: string;
  /** File name → source. Relative imports are written from .tmp/boundary-probes/<name>/. */
  files: Record<string, string>;
}

/** The `references` of a real tsconfig (which has comments, so TypeScript's own reader parses it). */
function referencesOf(configPath: string): string[] {
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const references = (config as { references?: { path: string }[] }).references ?? [];
  return references.map((reference) => path.resolve(path.dirname(configPath), reference.path));
}

/**
 * The probe's tsconfig: the real one's options, only the probe files, its own output folder, and references to the
 * real project and to everything it references, so a probe may import what that runtime's own code may.
 */
function probeConfig(project: ProbeProject, dir: string): object {
  const realConfig = path.join(repoRoot, project.config);
  const referenced = [realConfig, ...referencesOf(realConfig)];
  return {
    extends: path.relative(dir, realConfig),
    compilerOptions: { outDir: 'out', tsBuildInfoFile: 'out/probe.tsbuildinfo' },
    include: [],
    files: Object.keys(project.files),
    references: referenced.map((target) => ({ path: path.relative(dir, target) })),
  };
}

/** Writes the probe projects and a solution tsconfig joining them; returns the solution's path. */
export function writeProbeProjects(projects: readonly ProbeProject[]): string {
  fs.rmSync(probesRoot, { recursive: true, force: true });
  for (const project of projects) {
    const dir = path.join(probesRoot, project.name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(probeConfig(project, dir), null, 2));
    for (const [name, source] of Object.entries(project.files)) fs.writeFileSync(path.join(dir, name), source);
  }
  const solution = path.join(probesRoot, 'tsconfig.json');
  const references = projects.map((project) => ({ path: project.name }));
  fs.writeFileSync(solution, JSON.stringify({ files: [], references }, null, 2));
  return solution;
}

export function removeProbeProjects(): void {
  fs.rmSync(probesRoot, { recursive: true, force: true });
}

/** `tsc -b` on the solution (building the real projects it references if they are stale); its error lines. */
export function buildProbes(solution: string): Promise<string[]> {
  return new Promise((resolve) => {
    const args = [tscPath, '-b', solution, '--pretty', 'false'];
    execFile(process.execPath, args, { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (_error, stdout) => {
      resolve(stdout.split('\n').filter((line) => line.includes('error TS')));
    });
  });
}

/** The probe file's path as tsc prints it (relative to the repository root, forward slashes). */
export function probeFilePath(projectName: string, fileName: string): string {
  return path
    .relative(repoRoot, path.join(probesRoot, projectName, fileName))
    .split(path.sep)
    .join('/');
}
