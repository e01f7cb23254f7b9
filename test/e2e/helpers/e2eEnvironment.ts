// Where global setup leaves the URLs, token file and process ids the specs and the teardown need
// (.tmp/e2e/environment.json).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_DIR = path.join(REPO_ROOT, '.tmp', 'e2e');
export const ENVIRONMENT_FILE = path.join(E2E_DIR, 'environment.json');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export interface E2eEnvironment {
  /** The browser build's address with #secret=… */
  appUrl: string;
  /** http://127.0.0.1:PORT of the service. */
  origin: string;
  secret: string;
  fakeOktaUrl: string;
  /** File holding the one token the fake org accepts. */
  tokenFile: string;
  /** Processes started by global setup, stopped by global teardown. */
  pids: number[];
}

export function writeE2eEnvironment(environment: E2eEnvironment): void {
  fs.mkdirSync(E2E_DIR, { recursive: true });
  fs.writeFileSync(ENVIRONMENT_FILE, JSON.stringify(environment, null, 2), { mode: 0o600 });
}

export function readE2eEnvironment(): E2eEnvironment {
  return JSON.parse(fs.readFileSync(ENVIRONMENT_FILE, 'utf8')) as E2eEnvironment;
}

export function readGoodToken(environment: E2eEnvironment): string {
  return fs.readFileSync(environment.tokenFile, 'utf8').trim();
}
