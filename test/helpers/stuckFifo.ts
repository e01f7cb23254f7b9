// A FIFO (named pipe) where an export expects a plain file: opening it to read blocks until someone opens it to
// write, so a step that reads it hangs for real, as on a stuck drive. release() opens the write end once, which lets
// the blocked open return (at end of file), so no thread of the test process stays blocked after the test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface StuckFifo {
  path: string;
  release: () => void;
}

export function makeStuckFifo(file: string): StuckFifo {
  const made = spawnSync('mkfifo', ['-m', '0600', file], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${file} failed: ${made.stderr}`);
  return {
    path: file,
    release: () => {
      try {
        fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody is reading it (any more), so nothing is blocked
      }
    },
  };
}
