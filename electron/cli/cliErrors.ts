// CLI exit codes and the error type that carries one; every message says what went wrong and what to do.

export const EXIT = {
  ok: 0,
  /** The files have validation errors that would block a BalkanID upload. */
  blockingFindings: 1,
  /** `findings` found something of severity high (the same code: a CI step fails on it). */
  highFindings: 1,
  usage: 2,
  /** Okta, network or authentication failure. */
  okta: 3,
  /** Local failure: disk, database. */
  local: 4,
  /** The pull paused at its request cap (Okta may be looping): resume it with --resume, or leave it. */
  paused: 5,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it) where nothing can be resumed: no result was given. */
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

export function usageError(message: string): CliError {
  return new CliError(`${message}\nRun "okta-prep help" for the commands and options.`, EXIT.usage);
}
