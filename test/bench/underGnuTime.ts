// Runs a command under GNU time (/usr/bin/time) and returns its stdout with its peak RSS and wall time, for the
// benchmarks that measure the real okta-prep process.
import { spawn } from 'node:child_process';

export interface TimedRun {
  stdout: string;
  stderr: string;
  /** Peak resident set size, MB. */
  rssMb: number;
  seconds: number;
}

/**
 * Fails with the end of stderr when the command exits with a code not accepted (by default any but 0), or GNU time
 * printed nothing.
 */
export function runUnderGnuTime(
  command: string,
  args: string[],
  acceptedCodes: readonly number[] = [0],
  extraEnv: Record<string, string> = {},
): Promise<TimedRun> {
  const child = spawn('/usr/bin/time', ['-f', 'TIME %M %e', command, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...extraEnv },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const match = /TIME (\d+) ([\d.]+)/.exec(stderr);
      if (code === null || !acceptedCodes.includes(code) || !match)
        return reject(new Error(`${args[1] ?? command} failed (${code}): ${stderr.slice(-500)}`));
      resolve({ stdout, stderr, rssMb: Number(match[1]) / 1024, seconds: Number(match[2]) });
    });
  });
}
