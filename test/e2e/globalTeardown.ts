// Playwright global teardown: stops the fake Okta org and the service that global setup started (by their pids only).
import fs from 'node:fs';
import { ENVIRONMENT_FILE, readE2eEnvironment } from './helpers/e2eEnvironment';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(ENVIRONMENT_FILE)) return;
  const { pids } = readE2eEnvironment();
  for (const pid of pids) if (isRunning(pid)) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (pids.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of pids) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
}
