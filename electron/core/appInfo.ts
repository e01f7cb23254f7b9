// The app's name and version (from package.json) and where it keeps its data — the same folder the desktop app uses.
import os from 'node:os';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };

export const APP_NAME = 'Okta Prep';
export const APP_VERSION: string = packageJson.version;

/**
 * The per-user data folder, as Electron's app.getPath('userData') computes it for "Okta Prep"
 * (the Electron main process sets userData to this same folder). OKTA_PREP_HOME overrides it.
 */
export function userDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.OKTA_PREP_HOME) return path.resolve(env.OKTA_PREP_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userDataFolder(env), 'okta-prep.sqlite');
}
