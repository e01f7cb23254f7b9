// Keeps Okta Prep's own files private on POSIX: folders it creates 0700, files 0600, whatever the umask; an existing
// file (or a folder Okta Prep owns) that is looser is tightened, and the caller is told so it can say it.
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from './makeFolders';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** What `--shared-files` asks for: everyone on the computer may read the exported files. */
export const SHARED_FILE_MODE = 0o644;

/** Receives one sentence per permission that was tightened ("tightened … from 0644 to 0600 …"). */
export type NoticeSink = (message: string) => void;

export interface PrivacyOptions {
  onNotice?: NoticeSink;
  /** Windows has no POSIX mode bits (its ACLs are per-user already): nothing is changed there. */
  platform?: NodeJS.Platform;
}

export function formatMode(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}

/**
 * Creates a missing folder (and missing parents) 0700. An existing folder is tightened only when `tightenExisting`
 * is set — for the app's own data folder, never for a folder the user chose (an export target, the folder of --db).
 */
export function ensurePrivateFolder(
  folder: string,
  options: PrivacyOptions & { tightenExisting?: boolean } = {},
): void {
  const firstCreated = makeFolders(folder, PRIVATE_FOLDER_MODE);
  if (isWindows(options)) return;
  if (firstCreated === undefined) {
    if (options.tightenExisting) tighten(folder, PRIVATE_FOLDER_MODE, 'folder', options.onNotice);
    return;
  }
  // mkdir's mode is reduced by the umask; chmod sets it exactly, for each folder this call created.
  for (let created = path.resolve(folder); ; created = path.dirname(created)) {
    fs.chmodSync(created, PRIVATE_FOLDER_MODE);
    if (created === path.resolve(firstCreated) || created === path.dirname(created)) break;
  }
}

/** Creates the file empty with mode 0600 if it is missing, or tightens an existing looser one (with a notice). */
export function ensurePrivateFile(file: string, options: PrivacyOptions = {}): void {
  let created = false;
  try {
    fs.closeSync(
      fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, PRIVATE_FILE_MODE),
    );
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (isWindows(options)) return;
  if (created) fs.chmodSync(file, PRIVATE_FILE_MODE);
  else tighten(file, PRIVATE_FILE_MODE, 'file', options.onNotice);
}

/** Tightens a file only if it exists (SQLite's -wal and -shm come and go). */
export function tightenFileIfPresent(file: string, options: PrivacyOptions = {}): void {
  if (isWindows(options) || !fs.existsSync(file)) return;
  tighten(file, PRIVATE_FILE_MODE, 'file', options.onNotice);
}

function tighten(target: string, wanted: number, kind: 'file' | 'folder', onNotice: NoticeSink | undefined): void {
  const current = fs.statSync(target).mode & 0o777;
  if ((current & 0o077) === 0) return; // owner-only already (0600, 0400, 0700 …): leave the owner's own choice
  try {
    fs.chmodSync(target, wanted);
  } catch (error) {
    // Someone else's file (EPERM): still usable, so say what to do rather than refuse to work.
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    onNotice?.(
      `the ${kind} ${target} is readable by other users (mode ${formatMode(current)}) and could not be ` +
        `tightened (${code}): run \`chmod ${formatMode(wanted).slice(1)} ${target}\``,
    );
    return;
  }
  onNotice?.(
    `tightened the permissions of the ${kind} ${target} from ${formatMode(current)} to ${formatMode(wanted)}: ` +
      `it holds Okta data that other users of this computer must not read`,
  );
}

function isWindows(options: PrivacyOptions): boolean {
  return (options.platform ?? process.platform) === 'win32';
}
