// Creates a folder and its missing parents one level at a time, instead of with fs.mkdir's `recursive` option: under
// a pseudo-filesystem such as /proc, Node's recursive mkdir gets ENOENT for the child while the parent exists and
// retries forever, synchronously, so the process ignores Cancel and even SIGTERM (an export to /proc/x/y did). Here
// each level is tried once: the loop ends after as many steps as the path has parts.
import fs from 'node:fs';
import path from 'node:path';

function isFolder(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error;
  }
}

/** The folders that do not exist yet, from the top-most down to `folder` itself (empty when it exists). */
function missingFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let current = folder; !isFolder(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (current === path.dirname(current)) break; // the root itself is missing: mkdir will say why
  }
  return missing;
}

/**
 * Creates `folder` and its missing parents with `mode` (reduced by the umask, as mkdir's is). Returns the first
 * folder it created, or undefined when `folder` existed, as `fs.mkdirSync(…, { recursive: true })` does. A level that
 * cannot be made (a file in the way, a read-only or pseudo filesystem) throws mkdir's own error (EEXIST, ENOENT …).
 */
export function makeFolders(folder: string, mode = 0o777): string | undefined {
  const missing = missingFolders(path.resolve(folder));
  for (const level of missing) {
    try {
      fs.mkdirSync(level, { mode });
    } catch (error) {
      // Made by someone else meanwhile: fine, as long as it is a folder.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(level)) continue;
      throw error;
    }
  }
  return missing[0];
}
