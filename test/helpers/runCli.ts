// Runs the real okta-prep command (bin/okta-prep.mjs) as a child process and captures its output and exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(REPO_ROOT, 'bin', 'okta-prep.mjs');

export interface CliRun {
  code: number | null;
  /** The signal that ended the command, when one did (code is then null). */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kills the command (SIGKILL) after this long, for a test of something that must not hang; code is then null. */
  killAfterMs?: number;
  /** Sends SIGTERM after this long, as a service manager or `kill` would: how a command is asked to stop. */
  terminateAfterMs?: number;
}

export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // A clean environment: only what the test passes, plus PATH/HOME so node can start.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const killer = options.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : undefined;
    const terminator = options.terminateAfterMs
      ? setTimeout(() => child.kill('SIGTERM'), options.terminateAfterMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      clearTimeout(terminator);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
