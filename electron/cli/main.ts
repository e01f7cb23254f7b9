// The okta-prep command line: parses arguments, runs one command, maps failures to exit codes and clear messages.
import { APP_VERSION } from '../core/appInfo';
import { openCache } from './openCache';
import { listSnapshots } from '../core/store/snapshots';
import { parseCliArgs, type CliValues } from './cliArgs';
import { EXIT, CliError, usageError, type ExitCode } from './cliErrors';
import { processOutput, type CliEnvironment } from './cliOutput';
import { runFakeOktaCommand } from './commands/fakeOktaCommand';
import { runServeCommand } from './commands/serveCommand';
import { runCheckCommand } from './commands/checkCommand';
import { runPullCommand } from './commands/pullCommand';
import { describeSnapshots } from './commands/snapshotsCommand';
import { runExportCommand } from './commands/exportCommand';
import { runValidateCommand } from './commands/validateCommand';
import { runDemoCommand } from './commands/demoCommand';
import { USAGE } from './usage';

async function runCommand(
  command: string | undefined,
  positionals: string[],
  values: CliValues,
  context: CliEnvironment,
): Promise<ExitCode> {
  const { out } = context;
  switch (command) {
    case 'pull':
      return runPullCommand(values, context);
    case 'export': {
      const db = openCache(values, context);
      try {
        return await runExportCommand(db, values, out);
      } finally {
        db.close();
      }
    }
    case 'validate':
      return runValidateCommand(positionals, values.json === true, context);
    case 'snapshots': {
      const db = openCache(values, context);
      try {
        const snapshots = listSnapshots(db);
        if (values.json) out.json(snapshots);
        else out.result(describeSnapshots(snapshots));
        return EXIT.ok;
      } finally {
        db.close();
      }
    }
    case 'demo':
      return runDemoCommand(values, context);
    case 'fake-okta':
      return runFakeOktaCommand(values, context);
    case 'serve':
      return runServeCommand(values, context);
    case 'check':
      return runCheckCommand(values, context);
    case 'help':
    case undefined:
      out.result(USAGE);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    default:
      throw usageError(`unknown command "${command}"`);
  }
}

export async function runCli(
  argv: string[],
  context: CliEnvironment = { env: process.env, out: processOutput() },
): Promise<ExitCode> {
  const { out } = context;
  try {
    const { command, positionals, values } = parseCliArgs(argv);
    if (values.version) {
      out.result(APP_VERSION);
      return EXIT.ok;
    }
    if (values.help) {
      out.result(USAGE);
      return EXIT.ok;
    }
    return await runCommand(command, positionals, values, context);
  } catch (error) {
    out.endProgress();
    if (error instanceof CliError) {
      out.note(`okta-prep: ${error.message}`);
      return error.exitCode;
    }
    out.note(
      `okta-prep: unexpected failure: ${(error as Error).message}. Please report this with the command you ran.`,
    );
    return EXIT.local;
  }
}
