// makeFolders for a folder the user chose (an export's output folder): the same one-level-at-a-time creation, but
// every stat, mkdir and chmod is asynchronous and time-limited, so a folder on a drive that stops answering ends the
// export with a clear error (or on Cancel) instead of blocking the thread that runs it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { limitedStep, type FileStepLimit } from './fileStepLimit';

async function isFolder(candidate: string, limit: FileStepLimit): Promise<boolean> {
  try {
    return (await limitedStep(`reading ${candidate}`, () => fs.stat(candidate), limit)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error;
  }
}

async function missingFolders(folder: string, limit: FileStepLimit): Promise<string[]> {
  const missing: string[] = [];
  for (let current = folder; !(await isFolder(current, limit)); current = path.dirname(current)) {
    missing.unshift(current);
    if (current === path.dirname(current)) break; // the root itself is missing: mkdir will say why
  }
  return missing;
}

/**
 * Creates `folder` and its missing parents with `mode`; when `exactMode` is set each folder created is chmod-ed to it
 * (mkdir's mode is reduced by the umask), a folder that existed keeps its own. Throws mkdir's error for a level that
 * cannot be made, a FileStepTimeout for a step that does not answer, the signal's reason when aborted.
 */
export async function makeFoldersWithin(
  folder: string,
  options: { mode: number; exactMode: boolean },
  limit: FileStepLimit,
): Promise<void> {
  for (const level of await missingFolders(path.resolve(folder), limit)) {
    try {
      await limitedStep(`creating the folder ${level}`, () => fs.mkdir(level, { mode: options.mode }), limit);
    } catch (error) {
      // Made by someone else meanwhile: fine, as long as it is a folder (and then it is theirs: its mode stays).
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (await isFolder(level, limit))) continue;
      throw error;
    }
    if (options.exactMode && process.platform !== 'win32')
      await limitedStep(`setting the mode of ${level}`, () => fs.chmod(level, options.mode), limit);
  }
}
