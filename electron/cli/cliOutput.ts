// Where the CLI writes: results to stdout (text or --json), progress and notes to stderr.

export interface CliOutput {
  result(text: string): void;
  json(value: unknown): void;
  note(text: string): void;
  /** A live, rewritten line on a terminal; plain lines (at most every few seconds) otherwise. */
  progress(text: string): void;
  endProgress(): void;
}

/** What a command gets from its caller: environment, output, and a signal that Ctrl-C aborts. */
export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  out: CliOutput;
  signal?: AbortSignal;
}

export function processOutput(
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): CliOutput {
  const live = stderr.isTTY === true;
  let lastPlain = 0;
  let lineOpen = false;
  return {
    result: (text) => void stdout.write(`${text}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    note: (text) => {
      if (lineOpen) stderr.write('\n');
      lineOpen = false;
      stderr.write(`${text}\n`);
    },
    progress: (text) => {
      if (live) {
        const width = Math.max(20, (stderr.columns ?? 100) - 1);
        stderr.write(`\r\u001b[2K${text.slice(0, width)}`);
        lineOpen = true;
        return;
      }
      const now = Date.now();
      if (now - lastPlain < 2000) return;
      lastPlain = now;
      stderr.write(`${text}\n`);
    },
    endProgress: () => {
      if (lineOpen) stderr.write('\n');
      lineOpen = false;
    },
  };
}
