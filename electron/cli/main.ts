// The okta-prep command line: parses arguments, runs one command, maps failures to exit codes and clear messages.
import { APP_VERSION } from '../core/appInfo';
import type { CacheAccess } from './openCache';
import type { Db } from '../core/store/openDatabase';
import { parseCliArgs, type CliValues } from './cliArgs';
import { EXIT, CliError, usageError, type ExitCode } from './cliErrors';
import { processOutput, type CliEnvironment } from './cliOutput';
import { USAGE } from './usage';

/** Runs `use` over the cache (--db or the default one) and closes it, whatever happens. */
async function withCache(
  values: CliValues,
  context: CliEnvironment,
  use: (db: Db) => ExitCode | Promise<ExitCode>,
  access: CacheAccess = 'write',
): Promise<ExitCode> {
  const { openCache } = await import('./openCache');
  const db = openCache(values, context, access);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** How one command runs, given what was parsed; `withCache` opens (and closes) the cache for those that read it. */
type CommandRunner = (positionals: string[], values: CliValues, context: CliEnvironment) => Promise<ExitCode>;

/**
 * Every command, by the name typed. A table rather than a switch, so adding one is adding one line. Each command's
 * code is imported when it runs: starting the process then loads only what that command needs (`okta-prep validate`
 * loads no SQLite, Okta client or export code), which is a good part of a short command's time.
 */
const COMMANDS: Record<string, CommandRunner> = {
  pull: async (_, values, context) => (await import('./commands/pullCommand')).runPullCommand(values, context),
  export: async (_, values, context) => {
    const [{ prepareExportChoices }, { exportOptionsFrom, runExportCommand }] = await Promise.all([
      import('./exportMappingFlags'),
      import('./commands/exportCommand'),
    ]);
    if (!prepareExportChoices(values, context.out, exportOptionsFrom(values))) return EXIT.ok;
    return withCache(values, context, (db) => runExportCommand(db, values, context), 'read');
  },
  access: async (_, values, context) => {
    const { runAccessCommand } = await import('./commands/accessCommand');
    return withCache(values, context, (db) => runAccessCommand(db, values, context.out), 'read');
  },
  findings: async (_, values, context) => {
    const { runFindingsCommand } = await import('./commands/findingsCommand');
    return withCache(values, context, (db) => runFindingsCommand(db, values, context.out), 'read');
  },
  report: async (_, values, context) => {
    const { runReportCommand } = await import('./commands/reportCommand');
    return withCache(values, context, (db) => runReportCommand(db, values, context.out), 'read');
  },
  validate: async (positionals, values, context) =>
    (await import('./commands/validateCommand')).runValidateCommand(positionals, values.json === true, context),
  upload: async (_, values, context) => (await import('./commands/uploadCommand')).runUploadCommand(values, context),
  'check-bundle': async (_, values, context) =>
    (await import('./commands/checkBundleCommand')).runCheckBundleCommand(values, context),
  'fake-balkanid': async (_, values, context) =>
    (await import('./commands/fakeBalkanIdCommand')).runFakeBalkanIdCommand(values, context),
  diff: async (positionals, values, context) =>
    (await import('./commands/diffCommand')).runDiffCommand(positionals, values, context),
  snapshot: async (positionals, values, context) =>
    (await import('./commands/snapshotCommand')).runSnapshotCommand(positionals, values, context),
  // Listing only reads (a portable snapshot file too); label and delete change the cache.
  snapshots: async (positionals, values, context) => {
    const { runSnapshotsCommand } = await import('./commands/snapshotsCommand');
    const access = positionals.length === 0 ? 'read' : 'write';
    return withCache(values, context, (db) => runSnapshotsCommand(db, positionals, values, context), access);
  },
  demo: async (_, values, context) => (await import('./commands/demoCommand')).runDemoCommand(values, context),
  'fake-okta': async (_, values, context) =>
    (await import('./commands/fakeOktaCommand')).runFakeOktaCommand(values, context),
  serve: async (_, values, context) => (await import('./commands/serveCommand')).runServeCommand(values, context),
  check: async (_, values, context) => (await import('./commands/checkCommand')).runCheckCommand(values, context),
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
      out.result(command === 'export' ? (await import('./exportHelp')).exportHelp(values) : USAGE);
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
