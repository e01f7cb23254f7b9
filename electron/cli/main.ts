// The okta-prep command line: parses arguments, runs one command, maps failures to exit codes and clear messages.
import { APP_VERSION } from '../core/appInfo';
import { openCache, type CacheAccess } from './openCache';
import type { Db } from '../core/store/openDatabase';
import { parseCliArgs, type CliValues } from './cliArgs';
import { EXIT, CliError, usageError, type ExitCode } from './cliErrors';
import { processOutput, type CliEnvironment } from './cliOutput';
import { runFakeOktaCommand } from './commands/fakeOktaCommand';
import { runServeCommand } from './commands/serveCommand';
import { runCheckCommand } from './commands/checkCommand';
import { runPullCommand } from './commands/pullCommand';
import { runSnapshotsCommand } from './commands/snapshotsCommand';
import { exportOptionsFrom, runExportCommand } from './commands/exportCommand';
import { exportHelp } from './exportHelp';
import { prepareExportChoices } from './exportMappingFlags';
import { runValidateCommand } from './commands/validateCommand';
import { runDemoCommand } from './commands/demoCommand';
import { runUploadCommand } from './commands/uploadCommand';
import { runCheckBundleCommand } from './commands/checkBundleCommand';
import { runFakeBalkanIdCommand } from './commands/fakeBalkanIdCommand';
import { runAccessCommand } from './commands/accessCommand';
import { runFindingsCommand } from './commands/findingsCommand';
import { runDiffCommand } from './commands/diffCommand';
import { runSnapshotCommand } from './commands/snapshotCommand';
import { USAGE } from './usage';

/** Runs `use` over the cache (--db or the default one) and closes it, whatever happens. */
async function withCache(
  values: CliValues,
  context: CliEnvironment,
  use: (db: Db) => ExitCode | Promise<ExitCode>,
  access: CacheAccess = 'write',
): Promise<ExitCode> {
  const db = openCache(values, context, access);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

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
    case 'export':
      if (!prepareExportChoices(values, out, exportOptionsFrom(values))) return EXIT.ok;
      return withCache(values, context, (db) => runExportCommand(db, values, out), 'read');
    case 'access':
      return withCache(values, context, (db) => runAccessCommand(db, values, out), 'read');
    case 'findings':
      return withCache(values, context, (db) => runFindingsCommand(db, values, out), 'read');
    case 'validate':
      return runValidateCommand(positionals, values.json === true, context);
    case 'upload':
      return runUploadCommand(values, context);
    case 'check-bundle':
      return runCheckBundleCommand(values, context);
    case 'fake-balkanid':
      return runFakeBalkanIdCommand(values, context);
    case 'diff':
      return runDiffCommand(positionals, values, context);
    case 'snapshot':
      return runSnapshotCommand(positionals, values, context);
    case 'snapshots':
      return withCache(
        values,
        context,
        (db) => runSnapshotsCommand(db, positionals, values, context),
        positionals.length === 0 ? 'read' : 'write',
      );
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
      out.result(command === 'export' ? exportHelp(values) : USAGE);
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
