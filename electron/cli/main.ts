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
import { runReportCommand } from './commands/reportCommand';
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

/** How one command runs, given what was parsed; `withCache` opens (and closes) the cache for those that read it. */
type CommandRunner = (positionals: string[], values: CliValues, context: CliEnvironment) => Promise<ExitCode>;

/** Every command, by the name typed. A table rather than a switch, so adding one is adding one line. */
const COMMANDS: Record<string, CommandRunner> = {
  pull: (_, values, context) => runPullCommand(values, context),
  export: async (_, values, context) => {
    if (!prepareExportChoices(values, context.out, exportOptionsFrom(values))) return EXIT.ok;
    return withCache(values, context, (db) => runExportCommand(db, values, context.out, context.signal), 'read');
  },
  access: (_, values, context) => withCache(values, context, (db) => runAccessCommand(db, values, context.out), 'read'),
  findings: (_, values, context) =>
    withCache(values, context, (db) => runFindingsCommand(db, values, context.out), 'read'),
  report: (_, values, context) => withCache(values, context, (db) => runReportCommand(db, values, context.out), 'read'),
  validate: (positionals, values, context) => runValidateCommand(positionals, values.json === true, context),
  upload: (_, values, context) => runUploadCommand(values, context),
  'check-bundle': (_, values, context) => runCheckBundleCommand(values, context),
  'fake-balkanid': (_, values, context) => runFakeBalkanIdCommand(values, context),
  diff: (positionals, values, context) => runDiffCommand(positionals, values, context),
  snapshot: (positionals, values, context) => runSnapshotCommand(positionals, values, context),
  // Listing only reads (a portable snapshot file too); label and delete change the cache.
  snapshots: (positionals, values, context) =>
    withCache(
      values,
      context,
      (db) => runSnapshotsCommand(db, positionals, values, context),
      positionals.length === 0 ? 'read' : 'write',
    ),
  demo: (_, values, context) => runDemoCommand(values, context),
  'fake-okta': (_, values, context) => runFakeOktaCommand(values, context),
  serve: (_, values, context) => runServeCommand(values, context),
  check: (_, values, context) => runCheckCommand(values, context),
};

async function runCommand(
  command: string | undefined,
  positionals: string[],
  values: CliValues,
  context: CliEnvironment,
): Promise<ExitCode> {
  if (command === undefined || command === 'help') {
    context.out.result(USAGE);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  // Own properties only: "constructor" or "__proto__" typed as a command is unknown, not Object's.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw usageError(`unknown command "${command}"`);
  return run(positionals, values, context);
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
