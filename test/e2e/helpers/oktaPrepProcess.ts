// Starts `okta-prep <command> … --json` as a child process and waits for the one JSON line it prints once listening.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { E2E_DIR, REPO_ROOT } from './e2eEnvironment';

export interface StartedProcess<T> {
  child: ChildProcess;
  info: T;
}

const START_TIMEOUT_MS = 90_000;

/**
 * Runs `node bin/okta-prep.mjs …args` from `root` (this checkout by default); its output goes to
 * .tmp/e2e/<logName>.log.
 */
export function startOktaPrep<T extends { url: string }>(
  args: string[],
  logName: string,
  options: { root?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<StartedProcess<T>> {
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const root = options.root ?? REPO_ROOT;
  const log = fs.createWriteStream(path.join(E2E_DIR, `${logName}.log`));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'okta-prep.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  child.stderr?.pipe(log);
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`okta-prep ${args[0]} printed no JSON line within ${START_TIMEOUT_MS / 1000} s. ${stderrTail}`));
    }, START_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout });
    let started = false;
    let pending = '';
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      if (started) return;
      // One JSON line is expected; pretty-printed JSON over several lines is accepted too.
      pending = line.trimStart().startsWith('{') ? line : `${pending}\n${line}`;
      try {
        const info = JSON.parse(pending) as T;
        if (typeof info.url !== 'string') return;
        started = true;
        clearTimeout(timer);
        resolve({ child, info });
      } catch {
        // Not the JSON line yet.
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!started)
        reject(new Error(`okta-prep ${args[0]} exited (${code ?? signal}) before it was ready. ${stderrTail}`));
    });
  });
}

/** Stops a process started here (by its pid only) and waits for it to exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000));
  await Promise.race([exited, timeout]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
